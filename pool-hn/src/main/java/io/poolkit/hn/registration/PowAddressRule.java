package io.poolkit.hn.registration;

/**
 * Which PoW (Bismuth) addresses may register or receive rewards. The reference asks polysign,
 * which also knows its newer ECDSA and ED25519 address formats; {@link #LEGACY} accepts the
 * classic format only, and a caller that needs the others passes its own rule.
 */
@FunctionalInterface
public interface PowAddressRule {

    /** Classic Bismuth addresses: 56 lowercase hex digits. */
    PowAddressRule LEGACY = address -> address.length() == 56 && address.chars()
            .allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));

    boolean isValid(String powAddress);
}
