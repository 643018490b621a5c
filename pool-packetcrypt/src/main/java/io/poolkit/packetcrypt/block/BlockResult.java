package io.poolkit.packetcrypt.block;

import io.poolkit.core.bytes.Hex;
import java.util.Optional;

/**
 * The result of {@link BlockValidator}: the code, the announcement it concerns (0-3, or -1), the
 * work hash when it was computed (32 bytes as produced, a little-endian number), and a detail
 * message for people (empty when there is nothing to add).
 */
public record BlockResult(BlockCode code, int annIndex, Optional<byte[]> powHash, String detail) {

    public BlockResult {
        if (code.perAnnouncement() != (annIndex >= 0) || annIndex > 3) {
            throw new IllegalArgumentException("announcement index " + annIndex + " does not fit " + code);
        }
        powHash = powHash.map(byte[]::clone);
    }

    /** True for a block ({@link BlockCode#OK}) or a share ({@link BlockCode#SHARE_OK}). */
    public boolean ok() {
        return code == BlockCode.OK || code == BlockCode.SHARE_OK;
    }

    /** The reference's numeric code: {@code type << 8 | annIndex}. */
    public int value() {
        return (code.type() << 8) | Math.max(annIndex, 0);
    }

    /** The code as the reference names it, e.g. {@code SHARE_OK} or {@code ANN_INVALID(2)}. */
    public String label() {
        return code.perAnnouncement() ? code.name() + "(" + annIndex + ")" : code.name();
    }

    @Override
    public Optional<byte[]> powHash() {
        return powHash.map(byte[]::clone);
    }

    public Optional<String> powHashHex() {
        return powHash.map(Hex::encode);
    }

    @Override
    public String toString() {
        return "BlockResult[" + label() + powHashHex().map(h -> " " + h).orElse("")
                + (detail.isEmpty() ? "" : " (" + detail + ")") + "]";
    }
}
