package io.poolkit.packetcrypt.block;

import io.poolkit.core.bytes.ByteReader;
import java.util.Arrays;
import java.util.Optional;

/**
 * Finds and places the PacketCrypt commitment in a coinbase transaction. The validator takes the
 * first output whose script starts {@code 6a 30 09 f9 11 02} and is longer than 6 bytes, and
 * reads the 48 bytes after {@code 6a 30} (zero-filled if the script is shorter, as pktd does).
 * A block template carries the placeholder {@code 6a 30 09 f9 11 02} followed by 44 bytes of
 * {@code fc}, which the miner overwrites.
 */
public final class CoinbaseCommitments {

    private static final byte[] PREFIX = {0x6a, 0x30, 0x09, (byte) 0xf9, 0x11, 0x02};
    private static final int PATTERN_SIZE = 2 + CoinbaseCommit.SIZE;

    private CoinbaseCommitments() {
    }

    /** The commitment in a serialized coinbase transaction (with or without witness data). */
    public static Optional<CoinbaseCommit> extract(byte[] coinbaseTx) {
        ByteReader r = new ByteReader(coinbaseTx);
        for (byte[] script : TxOutputs.read(r)) {
            if (script.length > PREFIX.length && Arrays.equals(script, 0, PREFIX.length, PREFIX, 0, PREFIX.length)) {
                byte[] commit = new byte[CoinbaseCommit.SIZE];
                System.arraycopy(script, 2, commit, 0, Math.min(CoinbaseCommit.SIZE, script.length - 2));
                return Optional.of(CoinbaseCommit.parse(commit));
            }
        }
        return Optional.empty();
    }

    /**
     * Returns a copy of a template coinbase with the placeholder pattern replaced by
     * {@code commit}; fails if the template has no placeholder.
     */
    public static byte[] insert(byte[] templateCoinbase, CoinbaseCommit commit) {
        byte[] pattern = new byte[PATTERN_SIZE];
        System.arraycopy(PREFIX, 0, pattern, 0, PREFIX.length);
        Arrays.fill(pattern, PREFIX.length, PATTERN_SIZE, (byte) 0xfc);
        for (int i = 0; i + PATTERN_SIZE <= templateCoinbase.length; i++) {
            if (Arrays.equals(templateCoinbase, i, i + PATTERN_SIZE, pattern, 0, PATTERN_SIZE)) {
                byte[] out = templateCoinbase.clone();
                System.arraycopy(commit.encode(), 0, out, i + 2, CoinbaseCommit.SIZE);
                return out;
            }
        }
        throw new IllegalArgumentException("the coinbase has no PacketCrypt commitment placeholder (6a3009f91102fc...)");
    }
}
