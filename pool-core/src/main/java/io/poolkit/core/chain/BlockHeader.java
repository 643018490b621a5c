package io.poolkit.core.chain;

import io.poolkit.core.bytes.ByteReader;
import io.poolkit.core.bytes.ByteWriter;
import io.poolkit.core.bytes.Bytes;
import io.poolkit.core.bytes.Hex;
import io.poolkit.core.pow.Sha256d;

/**
 * The 80-byte block header of Bitcoin-derived chains. Hashes are held in internal byte order (as
 * serialized); {@code display} methods give the reversed order that explorers and RPC show.
 *
 * @param version              block version (signed 32-bit, as serialized)
 * @param previousHashInternal 32 bytes, internal order
 * @param merkleRootInternal   32 bytes, internal order
 * @param time                 unix seconds, unsigned 32-bit
 * @param bits                 compact target
 * @param nonce                unsigned 32-bit
 */
public record BlockHeader(int version, byte[] previousHashInternal, byte[] merkleRootInternal, long time, int bits,
                          long nonce) {

    public static final int SIZE = 80;

    public BlockHeader {
        previousHashInternal = check32(previousHashInternal, "previous block hash");
        merkleRootInternal = check32(merkleRootInternal, "merkle root");
        if (time < 0 || time > 0xffffffffL) {
            throw new IllegalArgumentException("time must fit an unsigned 32-bit field, got " + time);
        }
        if (nonce < 0 || nonce > 0xffffffffL) {
            throw new IllegalArgumentException("nonce must fit an unsigned 32-bit field, got " + nonce);
        }
    }

    /** Parses exactly 80 bytes. */
    public static BlockHeader parse(byte[] header80) {
        if (header80.length != SIZE) {
            throw new IllegalArgumentException("a block header is 80 bytes, got " + header80.length);
        }
        ByteReader r = new ByteReader(header80);
        return new BlockHeader(r.readInt32Le(), r.readBytes(32), r.readBytes(32), r.readUint32Le(), r.readInt32Le(),
                r.readUint32Le());
    }

    public static BlockHeader parseHex(String hex160) {
        return parse(Hex.decode(hex160.strip(), SIZE, "block header"));
    }

    public byte[] serialize() {
        return new ByteWriter(SIZE).writeInt32Le(version).writeBytes(previousHashInternal).writeBytes(merkleRootInternal)
                .writeUint32Le(time).writeInt32Le(bits).writeUint32Le(nonce).toByteArray();
    }

    /** SHA256d of the header, internal byte order (the block hash of sha256d chains and of Litecoin-like chains). */
    public byte[] hashInternal() {
        return Sha256d.hash(serialize());
    }

    /** The block hash as explorers show it (reversed). */
    public String hashDisplayHex() {
        return Hex.encode(Bytes.reversed(hashInternal()));
    }

    public String previousHashDisplayHex() {
        return Hex.encode(Bytes.reversed(previousHashInternal));
    }

    public String merkleRootDisplayHex() {
        return Hex.encode(Bytes.reversed(merkleRootInternal));
    }

    /** A copy with another nonce. */
    public BlockHeader withNonce(long newNonce) {
        return new BlockHeader(version, previousHashInternal, merkleRootInternal, time, bits, newNonce);
    }

    @Override
    public byte[] previousHashInternal() {
        return previousHashInternal.clone();
    }

    @Override
    public byte[] merkleRootInternal() {
        return merkleRootInternal.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BlockHeader h && java.util.Arrays.equals(h.serialize(), serialize());
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(serialize());
    }

    @Override
    public String toString() {
        return "BlockHeader[" + Hex.encode(serialize()) + "]";
    }

    private static byte[] check32(byte[] bytes, String what) {
        if (bytes.length != 32) {
            throw new IllegalArgumentException(what + " must be 32 bytes, got " + bytes.length);
        }
        return bytes.clone();
    }
}
