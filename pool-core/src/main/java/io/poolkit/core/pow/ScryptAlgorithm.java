package io.poolkit.core.pow;

import io.poolkit.core.target.DifficultyScale;

/**
 * Litecoin's proof of work: scrypt(header, header, N=1024, r=1, p=1, 32). The block hash is
 * SHA256d of the header, not the PoW hash.
 */
public final class ScryptAlgorithm implements PowAlgorithm {

    private final ThreadLocal<ScryptPow> perThread = ThreadLocal.withInitial(ScryptPow::new);

    @Override
    public String name() {
        return "scrypt";
    }

    @Override
    public DifficultyScale difficultyScale() {
        return DifficultyScale.SCRYPT;
    }

    @Override
    public void hashHeader(byte[] header80, byte[] out32) {
        PowAlgorithm.requireHeader(header80);
        perThread.get().hash(header80, out32);
    }

    @Override
    public boolean powHashIsBlockHash() {
        return false;
    }
}
