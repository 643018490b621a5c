package io.poolkit.core.address;

/** What an address pays to, which decides its output script. */
public enum AddressKind {
    /** Pay to public key hash: {@code OP_DUP OP_HASH160 <20> OP_EQUALVERIFY OP_CHECKSIG}. */
    P2PKH,
    /** Pay to script hash: {@code OP_HASH160 <20> OP_EQUAL}. */
    P2SH,
    /** Segwit v0 with a 20-byte program. */
    P2WPKH,
    /** Segwit v0 with a 32-byte program. */
    P2WSH,
    /** Segwit v1 with a 32-byte program (taproot). */
    P2TR,
    /** Any other witness version or length that BIP350 allows: valid, spendable only by future rules. */
    WITNESS_UNKNOWN;

    /** Lower-case name as used in JSON output, for example {@code p2wpkh}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
