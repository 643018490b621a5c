package io.poolkit.packetcrypt.ann;

import io.poolkit.core.bytes.Hex;
import io.poolkit.core.bytes.LittleEndian;
import io.poolkit.packetcrypt.crypto.Blake2b;
import java.util.Arrays;

/**
 * One 1024-byte announcement, immutable. Layout (little-endian integers): version (1 byte), soft
 * nonce (u24), hard nonce (u32), work bits, parent block height, content type, content length,
 * content hash (32), signing key (32), merkle branch (13 x 64, encrypted in v1), merkle root (64),
 * and a 40-byte prefix of the last item (v0) or zeros before encryption (v1).
 */
public final class Announcement {

    public static final int SIZE = 1024;
    public static final int HEADER_SIZE = 88;
    public static final int MERKLE_DEPTH = 13;
    public static final int BRANCH_OFFSET = 88;
    public static final int ROOT_OFFSET = BRANCH_OFFSET + MERKLE_DEPTH * 64;
    public static final int ITEM4_PREFIX_OFFSET = ROOT_OFFSET + 64;
    public static final int ITEM4_PREFIX_SIZE = 40;
    public static final int SIGNING_KEY_OFFSET = 56;

    private final byte[] bytes;

    private Announcement(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Copies exactly 1024 bytes. */
    public static Announcement of(byte[] bytes) {
        if (bytes.length != SIZE) {
            throw new IllegalArgumentException("an announcement is " + SIZE + " bytes, got " + bytes.length);
        }
        return new Announcement(bytes.clone());
    }

    /** Copies 1024 bytes from {@code bytes[offset..]}. */
    public static Announcement of(byte[] bytes, int offset) {
        if (offset < 0 || bytes.length - offset < SIZE) {
            throw new IllegalArgumentException("need " + SIZE + " bytes at offset " + offset + ", have "
                    + Math.max(0, bytes.length - offset));
        }
        return new Announcement(Arrays.copyOfRange(bytes, offset, offset + SIZE));
    }

    /** Parses 2048 hex digits. */
    public static Announcement fromHex(String hex) {
        return new Announcement(Hex.decode(hex.strip(), SIZE, "announcement"));
    }

    /** A copy of the 1024 bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** Copies the 1024 bytes into {@code out[offset..]}. */
    public void copyTo(byte[] out, int offset) {
        System.arraycopy(bytes, 0, out, offset, SIZE);
    }

    public int version() {
        return bytes[0] & 0xff;
    }

    public int softNonce() {
        return (bytes[1] & 0xff) | (bytes[2] & 0xff) << 8 | (bytes[3] & 0xff) << 16;
    }

    public long hardNonce() {
        return LittleEndian.readUint32(bytes, 4);
    }

    public int workBits() {
        return LittleEndian.readInt32(bytes, 8);
    }

    /** The parent block height, unsigned. */
    public long parentHeight() {
        return LittleEndian.readUint32(bytes, 12);
    }

    public long contentType() {
        return LittleEndian.readUint32(bytes, 16);
    }

    public long contentLength() {
        return LittleEndian.readUint32(bytes, 20);
    }

    public byte[] contentHash() {
        return Arrays.copyOfRange(bytes, 24, 56);
    }

    /** The ed25519 public key, all zero for an unsigned announcement. */
    public byte[] signingKey() {
        return Arrays.copyOfRange(bytes, SIGNING_KEY_OFFSET, SIGNING_KEY_OFFSET + 32);
    }

    public boolean hasSigningKey() {
        return hasSigningKey(bytes, 0);
    }

    /** True if the signing key of the announcement at {@code ann[offset..]} is not all zero. */
    public static boolean hasSigningKey(byte[] ann, int offset) {
        for (int i = SIGNING_KEY_OFFSET; i < SIGNING_KEY_OFFSET + 32; i++) {
            if (ann[offset + i] != 0) {
                return true;
            }
        }
        return false;
    }

    /** The merkle root of the announcement's item table (64 bytes, never encrypted). */
    public byte[] merkleRoot() {
        return Arrays.copyOfRange(bytes, ROOT_OFFSET, ROOT_OFFSET + 64);
    }

    /** BLAKE2b-256 of the 1024 bytes: the announcement hash used in block proofs and for dedup. */
    public byte[] hash() {
        return Blake2b.hash32(bytes);
    }

    public String toHex() {
        return Hex.encode(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Announcement a && Arrays.equals(a.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "Announcement[v" + version() + " parent " + parentHeight() + " bits "
                + String.format("%08x", workBits()) + "]";
    }
}
