package io.poolkit.core.ledger;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One crediting: a block's split, or credit from another source (a PPS period, a weight split).
 *
 * @param id the row id
 * @param chain the chain whose coins are credited
 * @param source the unique name of what was credited; {@code block:ID} for a block's split
 * @param blockId the block, for a block's split
 * @param scheme the scheme that made the split ({@code PROP}, {@code PPLNS}, {@code SOLO}, {@code PPS}, ...)
 * @param total the sum of the lines, in base units
 * @param createdAt when it was written
 */
public record CreditBatch(long id, String chain, String source, Optional<Long> blockId, String scheme, long total,
        Instant createdAt) {

    public CreditBatch {
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(blockId, "blockId");
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** The source name of a block's split. */
    public static String blockSource(long blockId) {
        return "block:" + blockId;
    }
}
