package io.poolkit.core.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A block the pool found and submitted.
 *
 * @param chain the network it belongs to (an address-table name such as {@code bitcoin-regtest})
 * @param height its height
 * @param hash the block hash in display (big-endian) hex, 64 digits, stored in lower case
 * @param finderAddress the address whose share was the block
 * @param finderWorker the finder's worker name, or empty
 * @param reward the coinbase value paid to the pool, in base units
 * @param networkDifficulty the network difficulty it was found at, exact
 * @param foundAt when the share that was the block was accepted; stored to the millisecond
 */
public record FoundBlock(String chain, long height, String hash, String finderAddress, String finderWorker,
        long reward, BigDecimal networkDifficulty, Instant foundAt) {

    public FoundBlock {
        Checks.token("chain", chain, Checks.CHAIN);
        Checks.nonNegative("height", height);
        hash = Checks.hash64("block hash", hash);
        Checks.token("finder address", finderAddress, Checks.ADDRESS);
        Checks.optionalToken("finder worker", finderWorker, Checks.WORKER);
        Checks.nonNegative("reward", reward);
        networkDifficulty = Checks.difficulty("network difficulty", networkDifficulty);
        Objects.requireNonNull(foundAt, "foundAt");
        foundAt = Instant.ofEpochMilli(foundAt.toEpochMilli());
    }
}
