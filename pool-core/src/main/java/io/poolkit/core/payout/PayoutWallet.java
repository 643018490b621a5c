package io.poolkit.core.payout;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/** The wallet a payout runner pays from. */
public interface PayoutWallet {

    /**
     * Sends one transaction paying each address its amount, with {@code label} as the comment.
     *
     * @return the txid
     * @throws WalletRefusedException the wallet answered with an error (it refused the send)
     * @throws RuntimeException anything else: whether the transaction was made is unknown
     */
    String send(String label, SortedMap<String, Long> amounts);

    /**
     * The wallet's transactions first seen at or after {@code since} that may be sends (coinbase
     * transactions left out where the wallet says so), as far back as it lists them.
     */
    List<WalletTx> sends(Instant since);

    /** One transaction of the wallet, if it knows it. */
    Optional<WalletTx> transaction(String txid);
}
