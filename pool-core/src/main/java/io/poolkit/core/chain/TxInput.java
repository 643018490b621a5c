package io.poolkit.core.chain;

import io.poolkit.core.bytes.Hex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A transaction input.
 *
 * @param prevTxidInternal txid of the spent output, 32 bytes, internal order (all zero in a coinbase)
 * @param prevIndex        index of the spent output, unsigned 32-bit (0xffffffff in a coinbase)
 * @param scriptSig        the unlocking script (in a coinbase: height, extranonce, tag)
 * @param sequence         unsigned 32-bit
 * @param witness          the witness stack, empty for non-witness inputs
 */
public record TxInput(byte[] prevTxidInternal, long prevIndex, byte[] scriptSig, long sequence, List<byte[]> witness) {

    public TxInput {
        if (prevTxidInternal.length != 32) {
            throw new IllegalArgumentException("an input's previous txid is 32 bytes, got " + prevTxidInternal.length);
        }
        checkUint32(prevIndex, "previous output index");
        checkUint32(sequence, "sequence");
        prevTxidInternal = prevTxidInternal.clone();
        scriptSig = scriptSig.clone();
        List<byte[]> items = new ArrayList<>(witness.size());
        for (byte[] item : witness) {
            items.add(item.clone());
        }
        witness = List.copyOf(items);
    }

    /** True for the null prevout of a coinbase input. */
    public boolean isCoinbasePrevout() {
        return prevIndex == 0xffffffffL && Arrays.equals(prevTxidInternal, new byte[32]);
    }

    @Override
    public byte[] prevTxidInternal() {
        return prevTxidInternal.clone();
    }

    @Override
    public byte[] scriptSig() {
        return scriptSig.clone();
    }

    @Override
    public List<byte[]> witness() {
        return witness.stream().map(byte[]::clone).toList();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TxInput t && Arrays.equals(t.prevTxidInternal, prevTxidInternal) && t.prevIndex == prevIndex
                && Arrays.equals(t.scriptSig, scriptSig) && t.sequence == sequence && sameWitness(t.witness, witness);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(prevTxidInternal) * 31 + Arrays.hashCode(scriptSig) * 17 + Long.hashCode(prevIndex)
                + Long.hashCode(sequence) + witness.size();
    }

    @Override
    public String toString() {
        return "TxInput[prev=" + Hex.encode(prevTxidInternal) + ":" + prevIndex + ", scriptSig=" + Hex.encode(scriptSig)
                + ", sequence=" + Long.toHexString(sequence) + ", witness items=" + witness.size() + "]";
    }

    static void checkUint32(long value, String what) {
        if (value < 0 || value > 0xffffffffL) {
            throw new IllegalArgumentException(what + " must fit an unsigned 32-bit field, got " + value);
        }
    }

    private static boolean sameWitness(List<byte[]> a, List<byte[]> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!Arrays.equals(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }
}
