package io.poolkit.core.chain;

import io.poolkit.core.bytes.ByteWriter;
import io.poolkit.core.bytes.Bytes;
import io.poolkit.core.bytes.Hex;
import io.poolkit.core.pow.Sha256d;
import java.util.List;

/**
 * A completed coinbase: {@code coinb1 || extranonce1 || extranonce2 || coinb2}. Its legacy
 * serialization is what stratum miners hash into the merkle root; the block carries the witness
 * serialization (with the 32-byte zero witness reserved value) when the coinbase commits to witness
 * data. Immutable.
 */
public final class Coinbase {

    private final byte[] legacy;
    private final boolean witnessForm;

    Coinbase(byte[] legacy, boolean witnessForm) {
        this.legacy = legacy;
        this.witnessForm = witnessForm;
    }

    /** A coinbase from its legacy serialization, for chains or tests that build it elsewhere. */
    public static Coinbase of(byte[] legacySerialization, boolean witnessForm) {
        Transaction tx = Transaction.parse(legacySerialization);
        if (!tx.isCoinbase() || tx.hasWitness()) {
            throw new IllegalArgumentException("not a coinbase in legacy serialization");
        }
        return new Coinbase(legacySerialization.clone(), witnessForm);
    }

    /** The legacy serialization (no witness): what the txid and the merkle root are computed from. */
    public byte[] bytes() {
        return legacy.clone();
    }

    public String hex() {
        return Hex.encode(legacy);
    }

    /** SHA256d of the legacy serialization, internal order. */
    public byte[] txidInternal() {
        return Sha256d.hash(legacy);
    }

    public String txidDisplayHex() {
        return Hex.encode(Bytes.reversed(txidInternal()));
    }

    /** True if the block carries this coinbase with the witness reserved value. */
    public boolean witnessForm() {
        return witnessForm;
    }

    /**
     * The coinbase as the block carries it: the witness serialization with one witness item, the
     * 32-byte zero reserved value, if {@link #witnessForm()}; else the legacy serialization.
     */
    public byte[] blockBytes() {
        if (!witnessForm) {
            return legacy.clone();
        }
        byte[] reserved = WitnessCommitment.reservedValue();
        return new ByteWriter(legacy.length + 2 + 2 + reserved.length)
                .writeBytes(legacy, 0, 4)
                .writeUint8(0x00).writeUint8(0x01)
                .writeBytes(legacy, 4, legacy.length - 8)
                .writeVarInt(1).writeVarBytes(reserved)
                .writeBytes(legacy, legacy.length - 4, 4)
                .toByteArray();
    }

    /** The decoded transaction (with the reserved value as witness if {@link #witnessForm()}). */
    public Transaction transaction() {
        return Transaction.parse(blockBytes());
    }

    /** The merkle root this coinbase yields with a stratum branch, internal order. */
    public byte[] merkleRootInternal(List<byte[]> branch) {
        return MerkleTree.rootFromBranch(txidInternal(), branch);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Coinbase c && c.witnessForm == witnessForm && java.util.Arrays.equals(c.legacy, legacy);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(legacy) * 2 + (witnessForm ? 1 : 0);
    }

    @Override
    public String toString() {
        return "Coinbase[" + hex() + (witnessForm ? ", witness form" : "") + "]";
    }
}
