package io.poolkit.core.pow;

import io.poolkit.core.bytes.LittleEndian;
import io.poolkit.core.target.DifficultyScale;

/**
 * Vertcoin's scrypt-N: scrypt with r=1, p=1 and N = 2^(Nfactor+1), the N-factor following the
 * header's time ({@link ScryptNFactor}). Each thread keeps the scratch of the last N it used.
 */
public final class ScryptNAlgorithm implements PowAlgorithm {

    private final ThreadLocal<ScryptPow[]> perThread = new ThreadLocal<>();

    @Override
    public String name() {
        return "scryptn";
    }

    @Override
    public DifficultyScale difficultyScale() {
        return DifficultyScale.SCRYPT;
    }

    @Override
    public void hashHeader(byte[] header80, byte[] out32) {
        PowAlgorithm.requireHeader(header80);
        int n = ScryptNFactor.n(LittleEndian.readUint32(header80, 68));
        ScryptPow[] slot = perThread.get();
        if (slot == null) {
            slot = new ScryptPow[1];
            perThread.set(slot);
        }
        if (slot[0] == null || slot[0].n() != n) {
            slot[0] = new ScryptPow(n);
        }
        slot[0].hash(header80, out32);
    }

    @Override
    public boolean powHashIsBlockHash() {
        return false;
    }
}
