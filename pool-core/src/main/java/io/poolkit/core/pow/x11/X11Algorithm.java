package io.poolkit.core.pow.x11;

import io.poolkit.core.pow.PowAlgorithm;
import io.poolkit.core.target.DifficultyScale;

/** X11 proof of work (Dash): the X11 digest of the header, which is also the block hash. */
public final class X11Algorithm implements PowAlgorithm {

    private final ThreadLocal<X11> perThread = ThreadLocal.withInitial(X11::new);

    @Override
    public String name() {
        return "x11";
    }

    @Override
    public DifficultyScale difficultyScale() {
        return DifficultyScale.BITCOIN;
    }

    @Override
    public void hashHeader(byte[] header80, byte[] out32) {
        PowAlgorithm.requireHeader(header80);
        perThread.get().hash(header80, 0, 80, out32, 0);
    }

    @Override
    public boolean powHashIsBlockHash() {
        return true;
    }
}
