package io.poolkit.core.chain;

import io.poolkit.core.bytes.Bytes;
import io.poolkit.core.bytes.Hex;
import io.poolkit.core.pow.Sha256d;
import java.util.Arrays;
import java.util.OptionalLong;

/**
 * A transaction of a block template, as the block will carry it. Built by {@link BlockTemplate},
 * which checks that the txid and wtxid the node sent match the data.
 */
public final class TemplateTransaction {

    private final byte[] data;
    private final byte[] txidInternal;
    private final byte[] wtxidInternal;
    private final boolean witness;
    private final OptionalLong fee;

    TemplateTransaction(byte[] data, byte[] txidInternal, byte[] wtxidInternal, boolean witness, OptionalLong fee) {
        this.data = data.clone();
        this.txidInternal = txidInternal.clone();
        this.wtxidInternal = wtxidInternal.clone();
        this.witness = witness;
        this.fee = fee;
    }

    /** Parses the raw transaction and computes its ids; {@code fee} as the template gave it. */
    public static TemplateTransaction of(byte[] data, OptionalLong fee) {
        return of(data, Transaction.parse(data), fee);
    }

    /** The wtxid is the hash of the data exactly as the block will carry it. */
    static TemplateTransaction of(byte[] data, Transaction decoded, OptionalLong fee) {
        return new TemplateTransaction(data, decoded.txidInternal(), Sha256d.hash(data), decoded.hasWitness(), fee);
    }

    /** The serialized transaction (witness serialization if it has witness data); a copy. */
    public byte[] data() {
        return data.clone();
    }

    /** Number of bytes of {@link #data()}. */
    public int size() {
        return data.length;
    }

    public byte[] txidInternal() {
        return txidInternal.clone();
    }

    public String txidDisplayHex() {
        return Hex.encode(Bytes.reversed(txidInternal));
    }

    /** The wtxid (equal to the txid for transactions without witness data), internal order. */
    public byte[] wtxidInternal() {
        return wtxidInternal.clone();
    }

    public boolean hasWitness() {
        return witness;
    }

    /** The fee in base units, when the template gave it. */
    public OptionalLong fee() {
        return fee;
    }

    void writeTo(io.poolkit.core.bytes.ByteWriter w) {
        w.writeBytes(data);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TemplateTransaction t && Arrays.equals(t.data, data) && t.fee.equals(fee);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(txidInternal);
    }

    @Override
    public String toString() {
        return "TemplateTransaction[txid=" + txidDisplayHex() + ", " + data.length + " bytes"
                + (witness ? ", witness" : "") + "]";
    }
}
