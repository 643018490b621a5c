package io.poolkit.pegnet.factom;

import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether shares may be submitted now (Prosper's MinuteKeeper), refreshed by {@link #poll()}: a minute other than
 * 0 opens and remembers the height; minute 0 at a height not seen before means factomd is not syncing minutes, so
 * it stays open; minute 0 while syncing minutes with {@code dbheight == leaderheight - 1} closes (the block is being
 * finalised). Any API error opens. Thread safe.
 */
public final class MinuteKeeper implements BooleanSupplier {

    private static final Logger LOG = LoggerFactory.getLogger(MinuteKeeper.class);

    private final FactomdClient factomd;
    private volatile boolean open = true;
    private long lastHeight = -1;
    private boolean syncingMinutes;

    /** Polls {@code factomd}. */
    public MinuteKeeper(FactomdClient factomd) {
        this.factomd = factomd;
    }

    /** Refreshes the state from {@code current-minute}. */
    public synchronized void poll() {
        try {
            FactomdClient.Minute m = factomd.currentMinute();
            if (m.minute() != 0) {
                syncingMinutes = true;
                lastHeight = m.leaderHeight();
                open = true;
            } else if (m.leaderHeight() != lastHeight && !syncingMinutes) {
                lastHeight = m.leaderHeight();
                open = true;
            } else {
                open = !(syncingMinutes && m.directoryBlockHeight() == m.leaderHeight() - 1);
            }
        } catch (RuntimeException e) {
            LOG.debug("current-minute failed, submissions stay open: {}", e.toString());
            open = true;
        }
    }

    /** Whether submissions are open. */
    @Override
    public boolean getAsBoolean() {
        return open;
    }
}
