package io.poolkit.hn.schedule;

/**
 * The network-tunable numbers of a schedule. The on-chain "rainbow" configuration can change both
 * for the whole network, so they are parameters, not constants.
 *
 * @param testsPerSlot tests drawn per forging slot
 * @param maxConnectTo most peers a hypernode connects to
 */
public record ScheduleParameters(int testsPerSlot, int maxConnectTo) {

    /** The beta99 defaults: 8 tests per slot, 40 peers. */
    public static final ScheduleParameters BETA99 = new ScheduleParameters(8, 40);
    /** The master-branch defaults: 10 tests per slot, 25 peers. */
    public static final ScheduleParameters MASTER = new ScheduleParameters(10, 25);

    public ScheduleParameters {
        if (testsPerSlot < 0) {
            throw new IllegalArgumentException("tests per slot must not be negative, got " + testsPerSlot);
        }
        if (maxConnectTo < 0) {
            throw new IllegalArgumentException("max connect_to must not be negative, got " + maxConnectTo);
        }
    }
}
