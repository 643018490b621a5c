package io.poolkit.qtum.watch;

/**
 * The block the watcher processed last is no longer on qtumd's main chain: a reorganisation deeper
 * than {@code orphanDelay}. Blocks already credited may have been replaced, so the watcher stops
 * crediting until an operator has looked (see {@link PoolWatcher#pollOnce()}).
 */
public final class ReorgBeyondDelayException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int height;
    private final String processedHash;
    private final String chainHash;

    /**
     * @param height the last processed height
     * @param processedHash the hash processed at that height
     * @param chainHash the main chain's hash at that height now
     */
    public ReorgBeyondDelayException(int height, String processedHash, String chainHash) {
        super("REORG BEYOND THE DELAY: block " + height + " was processed as " + processedHash + " but the main chain"
                + " now has " + chainHash + "; crediting is stopped. Check the credits of the blocks around " + height
                + " before deleting " + PoolWatcher.LAST_BLOCK_FILE + " to resume");
        this.height = height;
        this.processedHash = processedHash;
        this.chainHash = chainHash;
    }

    /** The last processed height. */
    public int height() {
        return height;
    }

    /** The hash processed at {@link #height()}. */
    public String processedHash() {
        return processedHash;
    }

    /** The main chain's hash at {@link #height()} now. */
    public String chainHash() {
        return chainHash;
    }
}
