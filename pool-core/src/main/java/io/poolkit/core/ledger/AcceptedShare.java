package io.poolkit.core.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A share the stratum server accepted. Addresses, worker names and job ids are printable ASCII
 * without spaces (a server should check a worker name when the miner authorises, not when its
 * first share comes in); the constructor refuses anything else with an IllegalArgumentException.
 *
 * @param address the miner's payout address as it authorised
 * @param worker the worker name after the dot, or empty
 * @param difficulty the difficulty the job was sent with, exact (normalised with
 *     {@link BigDecimal#stripTrailingZeros()})
 * @param networkDifficulty the network difficulty of the job's template, exact (PPS values a share
 *     by it; PPLNS windows are multiples of it)
 * @param jobId the stratum job id
 * @param height the height of the block the job builds
 * @param acceptedAt when the share was accepted; stored to the millisecond
 */
public record AcceptedShare(String address, String worker, BigDecimal difficulty, BigDecimal networkDifficulty,
        String jobId, long height, Instant acceptedAt) {

    public AcceptedShare {
        Checks.token("address", address, Checks.ADDRESS);
        Checks.optionalToken("worker", worker, Checks.WORKER);
        difficulty = Checks.difficulty("difficulty", difficulty);
        networkDifficulty = Checks.difficulty("network difficulty", networkDifficulty);
        Checks.token("job id", jobId, Checks.JOB_ID);
        Checks.nonNegative("height", height);
        Objects.requireNonNull(acceptedAt, "acceptedAt");
        acceptedAt = Instant.ofEpochMilli(acceptedAt.toEpochMilli());
    }
}
