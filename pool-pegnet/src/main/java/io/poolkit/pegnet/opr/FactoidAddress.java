package io.poolkit.pegnet.opr;

import io.poolkit.core.address.Base58;
import io.poolkit.core.pow.Sha256d;
import java.util.Arrays;

/** Factoid ({@code FA...}) public addresses: base58 of {@code 5f b1 || RCD hash(32) || checksum(4)}. */
public final class FactoidAddress {

    private FactoidAddress() {
    }

    /** Whether {@code address} decodes to 38 bytes with the FA prefix and a correct sha256d checksum. */
    public static boolean isValid(String address) {
        byte[] raw;
        try {
            raw = Base58.decode(address);
        } catch (RuntimeException e) {
            return false;
        }
        if (raw.length != 38 || raw[0] != 0x5f || (raw[1] & 0xFF) != 0xb1) {
            return false;
        }
        byte[] check = Sha256d.hash(raw, 0, 34);
        return Arrays.equals(Arrays.copyOfRange(check, 0, 4), Arrays.copyOfRange(raw, 34, 38));
    }
}
