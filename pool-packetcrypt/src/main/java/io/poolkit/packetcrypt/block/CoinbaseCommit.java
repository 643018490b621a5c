package io.poolkit.packetcrypt.block;

import io.poolkit.core.bytes.Hex;
import io.poolkit.core.bytes.LittleEndian;
import java.util.Arrays;

/**
 * The 48-byte PacketCrypt commitment in a block's coinbase (output script {@code 6a 30 || commit}):
 * magic {@code 09 f9 11 02}, the least-work (highest) aged announcement target of the set, the
 * root of the announcement proof tree and the announcement count (unsigned).
 */
public record CoinbaseCommit(int magic, int annLeastWorkTarget, byte[] pcpRoot, long annCount) {

    public static final int SIZE = 48;
    /** The magic as a little-endian word: bytes {@code 09 f9 11 02}. */
    public static final int MAGIC = 0x0211f909;

    public CoinbaseCommit {
        if (pcpRoot.length != 32) {
            throw new IllegalArgumentException("the proof tree root is 32 bytes, got " + pcpRoot.length);
        }
        pcpRoot = pcpRoot.clone();
    }

    /** Parses 48 bytes. */
    public static CoinbaseCommit parse(byte[] commit48) {
        if (commit48.length != SIZE) {
            throw new IllegalArgumentException("a coinbase commitment is " + SIZE + " bytes, got " + commit48.length);
        }
        return new CoinbaseCommit(LittleEndian.readInt32(commit48, 0), LittleEndian.readInt32(commit48, 4),
                Arrays.copyOfRange(commit48, 8, 40), LittleEndian.readInt64(commit48, 40));
    }

    public static CoinbaseCommit parseHex(String hex) {
        return parse(Hex.decode(hex.strip(), SIZE, "coinbase commitment"));
    }

    public boolean hasMagic() {
        return magic == MAGIC;
    }

    @Override
    public byte[] pcpRoot() {
        return pcpRoot.clone();
    }

    public byte[] encode() {
        byte[] out = new byte[SIZE];
        LittleEndian.writeInt32(out, 0, magic);
        LittleEndian.writeInt32(out, 4, annLeastWorkTarget);
        System.arraycopy(pcpRoot, 0, out, 8, 32);
        LittleEndian.writeInt64(out, 40, annCount);
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CoinbaseCommit c && c.magic == magic && c.annLeastWorkTarget == annLeastWorkTarget
                && Arrays.equals(c.pcpRoot, pcpRoot) && c.annCount == annCount;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encode());
    }

    @Override
    public String toString() {
        return "CoinbaseCommit[" + Hex.encode(encode()) + "]";
    }
}
