package io.poolkit.pegnet.opr;

import io.poolkit.core.bytes.Hex;
import io.poolkit.core.pow.Sha256d;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.bouncycastle.crypto.digests.SHA512Digest;

/**
 * A Factom entry: chain id, external ids and content. PegNet's OPR entries carry
 * {@code [nonce, u64be(difficulty), version byte]} as external ids and the encoded record as content.
 */
public record FactomEntry(byte[] chainId, List<byte[]> extIds, byte[] content) {

    /** PegNet's OPR chain. */
    public static final String OPR_CHAIN_ID = "a642a8674f46696cc47fdb6b65f9c87b2a19c5ea8123b3d2f0c13b6f33a9d5ef";
    /** PegNet's transaction chain (FAT-2 payouts). */
    public static final String TRANSACTION_CHAIN_ID =
            "cffce0f409ebba4ed236d49d89c70e4bd1f1367d86402a3363366683265a242d";
    /** Largest entry that costs one entry credit: external ids (2 + length each) plus content. */
    public static final int ONE_EC_BYTES = 1024;

    /** Validates and copies. */
    public FactomEntry {
        if (chainId.length != 32) {
            throw new IllegalArgumentException("a Factom chain id is 32 bytes, got " + chainId.length);
        }
        chainId = chainId.clone();
        extIds = extIds.stream().map(byte[]::clone).toList();
        content = content.clone();
    }

    /** An entry on the OPR chain. */
    public static FactomEntry onOprChain(List<byte[]> extIds, byte[] content) {
        return new FactomEntry(Hex.decode(OPR_CHAIN_ID), extIds, content);
    }

    /** The marshalled entry: {@code 0x00 || chain id || u16be(ext id block length) || (u16be(len) || id)* || content}. */
    public byte[] marshal() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0);
        out.writeBytes(chainId);
        int extLength = extIdBytes();
        out.write(extLength >>> 8);
        out.write(extLength & 0xFF);
        for (byte[] id : extIds) {
            out.write(id.length >>> 8);
            out.write(id.length & 0xFF);
            out.writeBytes(id);
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    private int extIdBytes() {
        int n = 0;
        for (byte[] id : extIds) {
            n += 2 + id.length;
        }
        return n;
    }

    /** Payload size that entry credits are paid for: external ids (with their length prefixes) plus content. */
    public int payloadSize() {
        return extIdBytes() + content.length;
    }

    /** Factom entry hash: {@code sha256(sha512(E) || E)}. */
    public byte[] hash() {
        byte[] e = marshal();
        SHA512Digest sha512 = new SHA512Digest();
        sha512.update(e, 0, e.length);
        byte[] h512 = new byte[64];
        sha512.doFinal(h512, 0);
        byte[] joined = new byte[64 + e.length];
        System.arraycopy(h512, 0, joined, 0, 64);
        System.arraycopy(e, 0, joined, 64, e.length);
        return Sha256d.sha256(joined);
    }

    /** The entry hash in lowercase hex. */
    public String hashHex() {
        return Hex.encode(hash());
    }

    /** PegNet's short hash: the first 8 bytes of the entry hash, lowercase hex (what later records list as winners). */
    public String shortHash() {
        return Hex.encode(hash(), 0, 8);
    }

    @Override
    public byte[] chainId() {
        return chainId.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    @Override
    public List<byte[]> extIds() {
        return extIds.stream().map(byte[]::clone).toList();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FactomEntry other && java.util.Arrays.equals(marshal(), other.marshal());
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(marshal());
    }

    @Override
    public String toString() {
        return "FactomEntry[" + hashHex() + "]";
    }
}
