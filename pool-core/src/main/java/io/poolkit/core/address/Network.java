package io.poolkit.core.address;

import java.util.Optional;

/**
 * The address parameters of one chain: the Base58Check version bytes of pay-to-pubkey-hash and
 * pay-to-script-hash addresses and of WIF private keys, and the Bech32 human-readable part of its
 * segwit addresses where the chain has segwit.
 *
 * @param name            registry name, for example {@code qtum-main}
 * @param p2pkhVersion    version byte of P2PKH addresses, 0..255
 * @param p2shVersion     version byte of P2SH addresses, 0..255
 * @param wifVersion      version byte of WIF private keys, 0..255
 * @param bech32Hrp       human-readable part of segwit addresses, lower case, if the chain has them
 */
public record Network(String name, int p2pkhVersion, int p2shVersion, int wifVersion, Optional<String> bech32Hrp) {

    public Network {
        checkByte(p2pkhVersion, "p2pkhVersion");
        checkByte(p2shVersion, "p2shVersion");
        checkByte(wifVersion, "wifVersion");
        bech32Hrp.ifPresent(hrp -> {
            if (!hrp.equals(hrp.toLowerCase(java.util.Locale.ROOT)) || hrp.isEmpty()) {
                throw new IllegalArgumentException("bech32 hrp must be non-empty lower case: " + hrp);
            }
        });
    }

    /** A network with segwit addresses. */
    public static Network of(String name, int p2pkhVersion, int p2shVersion, int wifVersion, String bech32Hrp) {
        return new Network(name, p2pkhVersion, p2shVersion, wifVersion, Optional.of(bech32Hrp));
    }

    /** A network without segwit addresses. */
    public static Network withoutSegwit(String name, int p2pkhVersion, int p2shVersion, int wifVersion) {
        return new Network(name, p2pkhVersion, p2shVersion, wifVersion, Optional.empty());
    }

    private static void checkByte(int value, String what) {
        if (value < 0 || value > 255) {
            throw new IllegalArgumentException(what + " must be 0..255, got " + value);
        }
    }
}
