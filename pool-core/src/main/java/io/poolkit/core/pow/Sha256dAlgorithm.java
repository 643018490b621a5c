package io.poolkit.core.pow;

import io.poolkit.core.target.DifficultyScale;

/** SHA256d proof of work (Bitcoin and its forks): the PoW hash is the block hash. */
public final class Sha256dAlgorithm implements PowAlgorithm {

    @Override
    public String name() {
        return "sha256d";
    }

    @Override
    public DifficultyScale difficultyScale() {
        return DifficultyScale.BITCOIN;
    }

    @Override
    public void hashHeader(byte[] header80, byte[] out32) {
        PowAlgorithm.requireHeader(header80);
        System.arraycopy(Sha256d.hash(header80), 0, out32, 0, 32);
    }

    @Override
    public boolean powHashIsBlockHash() {
        return true;
    }
}
