package io.poolkit.stratum.miner;

import java.util.concurrent.atomic.LongAdder;

/** Counters of a running miner. */
public final class MinerStats {
    final LongAdder hashes = new LongAdder();
    final LongAdder submitted = new LongAdder();
    final LongAdder accepted = new LongAdder();
    final LongAdder rejected = new LongAdder();
    final LongAdder jobs = new LongAdder();

    public long hashes() {
        return hashes.sum();
    }

    public long submitted() {
        return submitted.sum();
    }

    public long accepted() {
        return accepted.sum();
    }

    public long rejected() {
        return rejected.sum();
    }

    public long jobs() {
        return jobs.sum();
    }
}
