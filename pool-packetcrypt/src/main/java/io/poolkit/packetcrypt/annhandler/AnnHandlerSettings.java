package io.poolkit.packetcrypt.annhandler;

/**
 * One AnnHandler's place and limits.
 *
 * @param handlerIndex    this handler's number (anns are routed by {@code dedup % handlerCount})
 * @param handlerCount    how many AnnHandlers the pool has
 * @param skipCheckChance fraction of anns accepted without the full (costly) validation
 * @param annsPerFile     most anns in one served file
 * @param filesToKeep     how many closed files are served
 * @param fileMillis      a file is closed when it is this old
 * @param heightsTracked  how many parent heights keep their dedup sets
 */
public record AnnHandlerSettings(int handlerIndex, int handlerCount, double skipCheckChance, int annsPerFile,
                                 int filesToKeep, long fileMillis, int heightsTracked) {

    /** Checks the ranges. */
    public AnnHandlerSettings {
        if (handlerCount < 1 || handlerIndex < 0 || handlerIndex >= handlerCount) {
            throw new IllegalArgumentException("handler " + handlerIndex + " of " + handlerCount + " does not exist");
        }
        if (!(skipCheckChance >= 0 && skipCheckChance <= 1)) {
            throw new IllegalArgumentException("skipCheckChance must be between 0 and 1");
        }
        if (annsPerFile < 1 || filesToKeep < 1 || fileMillis < 1 || heightsTracked < 1) {
            throw new IllegalArgumentException("annsPerFile, filesToKeep, fileMillis and heightsTracked must be >= 1");
        }
    }
}
