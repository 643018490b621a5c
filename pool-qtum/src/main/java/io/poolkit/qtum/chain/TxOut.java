package io.poolkit.qtum.chain;

import java.util.Optional;

/**
 * One transaction output as read from {@code getrawtransaction <txid> true}.
 *
 * @param n output index
 * @param sats value in satoshis
 * @param type script type ("pubkey", "pubkeyhash", "nonstandard", ...)
 * @param pubkeyHex the key of a P2PK ("pubkey") output, else empty
 * @param address the owner address: given by the node, or derived from the P2PK key or the P2PKH hash
 */
public record TxOut(int n, long sats, String type, Optional<String> pubkeyHex, Optional<String> address) {
}
