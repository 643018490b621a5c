package io.poolkit.packetcrypt.paymaker;

/**
 * One pay-log event as the handlers write it (ndjson lines). Every event has a {@code time} in
 * milliseconds and an opaque {@code eventId}; credits are computed when the event is applied.
 */
public sealed interface PayEvent {

    /** Milliseconds since the epoch when the handler processed it. */
    long time();

    /** The event's id; the same event always carries the same id. */
    String eventId();

    /**
     * A new block on the chain; its difficulty prices the shares and anns that follow it.
     *
     * @param time       event time, ms
     * @param eventId    event id
     * @param height     block height
     * @param difficulty block difficulty multiplier (as the node reports it)
     */
    record Block(long time, String eventId, long height, double difficulty) implements PayEvent {
    }

    /**
     * An accepted block share.
     *
     * @param time    event time, ms
     * @param eventId event id
     * @param payTo   the miner's address
     * @param target  the share target (compact)
     * @param block   whether the share was also a block
     */
    record Share(long time, String eventId, String payTo, int target, boolean block) implements PayEvent {
    }

    /**
     * A batch of announcements accepted by an AnnHandler.
     *
     * @param time     event time, ms
     * @param eventId  event id
     * @param payTo    the miner's address
     * @param target   the easiest ann target in the batch (compact)
     * @param accepted anns accepted
     * @param unsigned of which unsigned
     * @param totalLen content bytes carried (each 16 KiB costs one ann of pay)
     */
    record Anns(long time, String eventId, String payTo, int target, long accepted, long unsigned, long totalLen)
            implements PayEvent {
    }
}
