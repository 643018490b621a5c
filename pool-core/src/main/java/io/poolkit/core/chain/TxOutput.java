package io.poolkit.core.chain;

import io.poolkit.core.address.Address;
import io.poolkit.core.bytes.Hex;
import java.util.Arrays;

/**
 * A transaction output.
 *
 * @param value  amount in base units (satoshis), 0 or more
 * @param script the locking script (scriptPubKey)
 */
public record TxOutput(long value, byte[] script) {

    public TxOutput {
        if (value < 0) {
            throw new IllegalArgumentException("an output value cannot be negative, got " + value);
        }
        script = script.clone();
    }

    /** An output paying {@code value} to {@code address}. */
    public static TxOutput to(Address address, long value) {
        return new TxOutput(value, address.outputScript());
    }

    @Override
    public byte[] script() {
        return script.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TxOutput t && t.value == value && Arrays.equals(t.script, script);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(value) * 31 + Arrays.hashCode(script);
    }

    @Override
    public String toString() {
        return "TxOutput[value=" + value + ", script=" + Hex.encode(script) + "]";
    }
}
