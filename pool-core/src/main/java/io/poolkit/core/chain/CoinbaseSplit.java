package io.poolkit.core.chain;

import io.poolkit.core.bytes.Bytes;
import io.poolkit.core.bytes.Hex;
import java.util.Arrays;

/**
 * A coinbase cut around its extranonce slot, as stratum sends it: {@code coinb1}, a slot of
 * {@code extranonce1Size} bytes (per connection, from the server) plus {@code extranonce2Size}
 * bytes (the miner's), and {@code coinb2}. Both halves are parts of the legacy serialization, which
 * miners hash as the coinbase txid. Immutable; build one with {@link CoinbaseBuilder} or
 * {@link #of}.
 */
public final class CoinbaseSplit {

    private final byte[] coinb1;
    private final byte[] coinb2;
    private final int extranonce1Size;
    private final int extranonce2Size;
    private final boolean witnessForm;

    private CoinbaseSplit(byte[] coinb1, byte[] coinb2, int extranonce1Size, int extranonce2Size, boolean witnessForm) {
        this.coinb1 = coinb1.clone();
        this.coinb2 = coinb2.clone();
        this.extranonce1Size = extranonce1Size;
        this.extranonce2Size = extranonce2Size;
        this.witnessForm = witnessForm;
    }

    /**
     * A split from its parts. Checks that any extranonces of the given sizes complete it into a
     * coinbase transaction (legacy serialization, null prevout, nothing left over).
     *
     * @param witnessForm whether the block carries the coinbase with the witness reserved value (its
     *                    outputs then hold a witness commitment)
     */
    public static CoinbaseSplit of(byte[] coinb1, byte[] coinb2, int extranonce1Size, int extranonce2Size,
                                   boolean witnessForm) {
        if (extranonce1Size < 0 || extranonce2Size < 0 || extranonce1Size + extranonce2Size > 100) {
            throw new IllegalArgumentException("extranonce sizes " + extranonce1Size + " + " + extranonce2Size
                    + " do not fit a coinbase script (at most 100 bytes)");
        }
        CoinbaseSplit split = new CoinbaseSplit(coinb1, coinb2, extranonce1Size, extranonce2Size, witnessForm);
        Transaction tx;
        try {
            tx = Transaction.parse(split.complete(new byte[extranonce1Size], new byte[extranonce2Size]).bytes());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("coinb1 + extranonce + coinb2 is not a transaction: " + e.getMessage(), e);
        }
        if (!tx.isCoinbase() || tx.hasWitness()) {
            throw new IllegalArgumentException("coinb1 + extranonce + coinb2 is not a coinbase in legacy serialization");
        }
        return split;
    }

    /** Like {@link #of(byte[], byte[], int, int, boolean)} from hex. */
    public static CoinbaseSplit ofHex(String coinb1Hex, String coinb2Hex, int extranonce1Size, int extranonce2Size,
                                     boolean witnessForm) {
        return of(Hex.decode(coinb1Hex), Hex.decode(coinb2Hex), extranonce1Size, extranonce2Size, witnessForm);
    }

    static CoinbaseSplit trusted(byte[] coinb1, byte[] coinb2, int extranonce1Size, int extranonce2Size,
                                 boolean witnessForm) {
        return new CoinbaseSplit(coinb1, coinb2, extranonce1Size, extranonce2Size, witnessForm);
    }

    /** Joins the halves with both extranonces, whose sizes must match. */
    public Coinbase complete(byte[] extranonce1, byte[] extranonce2) {
        if (extranonce1.length != extranonce1Size) {
            throw new IllegalArgumentException("extranonce1 must be " + extranonce1Size + " bytes, got "
                    + extranonce1.length);
        }
        if (extranonce2.length != extranonce2Size) {
            throw new IllegalArgumentException("extranonce2 must be " + extranonce2Size + " bytes, got "
                    + extranonce2.length);
        }
        return new Coinbase(Bytes.concat(coinb1, extranonce1, extranonce2, coinb2), witnessForm);
    }

    /** The part before the extranonce slot; a copy. */
    public byte[] coinb1() {
        return coinb1.clone();
    }

    /** The part after the extranonce slot; a copy. */
    public byte[] coinb2() {
        return coinb2.clone();
    }

    public String coinb1Hex() {
        return Hex.encode(coinb1);
    }

    public String coinb2Hex() {
        return Hex.encode(coinb2);
    }

    public int extranonce1Size() {
        return extranonce1Size;
    }

    public int extranonce2Size() {
        return extranonce2Size;
    }

    /** True if the block carries the completed coinbase in witness serialization. */
    public boolean witnessForm() {
        return witnessForm;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CoinbaseSplit c && Arrays.equals(c.coinb1, coinb1) && Arrays.equals(c.coinb2, coinb2)
                && c.extranonce1Size == extranonce1Size && c.extranonce2Size == extranonce2Size
                && c.witnessForm == witnessForm;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(coinb1) * 31 + Arrays.hashCode(coinb2) + extranonce1Size * 7 + extranonce2Size;
    }

    @Override
    public String toString() {
        return "CoinbaseSplit[coinb1=" + coinb1Hex() + ", extranonce " + extranonce1Size + "+" + extranonce2Size
                + ", coinb2=" + coinb2Hex() + (witnessForm ? ", witness form" : "") + "]";
    }
}
