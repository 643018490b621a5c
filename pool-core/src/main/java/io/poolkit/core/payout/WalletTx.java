package io.poolkit.core.payout;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A transaction the pool's wallet sent, as the wallet reports it.
 *
 * @param txid the transaction id
 * @param comment the comment the wallet stored with it, if it keeps comments (bitcoind does, bcoin
 *     1.0.2 drops it)
 * @param outputs what each address received, base units; the wallet's change left out
 * @param fee the network fee the wallet paid, base units (0 if it did not say)
 * @param confirmations how deep it is in the chain (0 in the mempool)
 * @param time when the wallet first saw it
 */
public record WalletTx(String txid, Optional<String> comment, SortedMap<String, Long> outputs, long fee,
        long confirmations, Instant time) {

    public WalletTx {
        Objects.requireNonNull(txid, "txid");
        Objects.requireNonNull(comment, "comment");
        outputs = new TreeMap<>(outputs);
        Objects.requireNonNull(time, "time");
    }
}
