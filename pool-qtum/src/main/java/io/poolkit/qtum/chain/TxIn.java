package io.poolkit.qtum.chain;

import java.util.Optional;

/**
 * One transaction input as read from {@code getrawtransaction <txid> true}. The prevout value and
 * address appear only when qtumd runs with {@code -addrindex}.
 *
 * @param prevTxid spent transaction id (display hex)
 * @param prevVout spent output index
 * @param prevSats value of the spent output, if the node gave it
 * @param address owner of the spent output, if the node gave it
 */
public record TxIn(String prevTxid, int prevVout, Optional<Long> prevSats, Optional<String> address) {
}
