package io.poolkit.core.chain;

import io.poolkit.core.bytes.ByteWriter;
import io.poolkit.core.bytes.Hex;
import java.util.Arrays;

/**
 * Serializes a solved block for {@code submitblock}: the 80-byte header, the transaction count,
 * the coinbase (in witness form when it commits to witness data) and the template's transactions as
 * the node sent them. Refuses a header that does not build on the template or does not commit to
 * the coinbase, since the node would reject that block anyway.
 */
public final class BlockAssembler {

    private BlockAssembler() {
    }

    /**
     * The header of a block from {@code template} with {@code coinbase}: the merkle root from the
     * coinbase txid and the template's branch, with the given version (rolled or not), time and nonce.
     */
    public static BlockHeader header(BlockTemplate template, Coinbase coinbase, int version, long time, long nonce) {
        return new BlockHeader(version, template.previousHashInternal(),
                coinbase.merkleRootInternal(template.merkleBranch()), time, template.bits(), nonce);
    }

    /** The full block. */
    public static byte[] assemble(BlockTemplate template, Coinbase coinbase, byte[] header80) {
        BlockHeader header = BlockHeader.parse(header80);
        if (!Arrays.equals(header.previousHashInternal(), template.previousHashInternal())) {
            throw new IllegalArgumentException("the header builds on " + header.previousHashDisplayHex()
                    + ", the template on " + template.previousHashDisplayHex());
        }
        byte[] root = coinbase.merkleRootInternal(template.merkleBranch());
        if (!Arrays.equals(header.merkleRootInternal(), root)) {
            throw new IllegalArgumentException("the header's merkle root " + header.merkleRootDisplayHex()
                    + " does not commit to this coinbase and the template's transactions");
        }
        byte[] coinbaseBytes = coinbase.blockBytes();
        int size = BlockHeader.SIZE + 9 + coinbaseBytes.length;
        for (TemplateTransaction tx : template.transactions()) {
            size += tx.size();
        }
        ByteWriter w = new ByteWriter(size);
        w.writeBytes(header80).writeVarInt(1L + template.transactions().size()).writeBytes(coinbaseBytes);
        for (TemplateTransaction tx : template.transactions()) {
            tx.writeTo(w);
        }
        return w.toByteArray();
    }

    /** The full block, as the hex string {@code submitblock} takes. */
    public static String assembleHex(BlockTemplate template, Coinbase coinbase, byte[] header80) {
        return Hex.encode(assemble(template, coinbase, header80));
    }

    /** The full block for a {@link BlockHeader}. */
    public static String assembleHex(BlockTemplate template, Coinbase coinbase, BlockHeader header) {
        return assembleHex(template, coinbase, header.serialize());
    }
}
