package io.poolkit.core.ledger;

/**
 * Counters of a {@link ShareRecorder} since it started.
 *
 * @param accepted shares accepted for recording
 * @param written shares whose batch was written (including shares the store already had)
 * @param queued shares accepted and not yet written: {@code accepted - written}
 * @param highWaterMark the most shares ever queued at once
 * @param refusedFull shares refused because the queue stayed full
 * @param failedWrites batch writes that failed (each was retried)
 * @param duplicatesSkipped written shares the store already had (a retried batch whose first write
 *     had in fact committed)
 * @param blocksAccepted found blocks accepted for recording
 * @param blocksWritten found blocks written
 */
public record RecorderMetrics(long accepted, long written, long queued, long highWaterMark, long refusedFull,
        long failedWrites, long duplicatesSkipped, long blocksAccepted, long blocksWritten) {
}
