package io.poolkit.qtum.watch;

/**
 * Told how a poll's catch-up goes, so a command line can show a progress bar when the watcher is far
 * behind (after downtime); the library itself never prints.
 */
public interface CatchUpProgress {

    /** A poll is about to process {@code count} blocks, {@code fromHeight} first. */
    void started(int fromHeight, int count);

    /** One more block was processed. */
    void processed(int height);

    /** The poll ended (also after a failure). */
    void finished();

    /** Progress nobody watches. */
    static CatchUpProgress none() {
        return new CatchUpProgress() {
            @Override
            public void started(int fromHeight, int count) {
            }

            @Override
            public void processed(int height) {
            }

            @Override
            public void finished() {
            }
        };
    }
}
