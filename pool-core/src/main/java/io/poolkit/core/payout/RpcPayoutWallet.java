package io.poolkit.core.payout;

import com.fasterxml.jackson.databind.JsonNode;
import io.poolkit.core.rpc.JsonRpc;
import io.poolkit.core.rpc.RpcException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bitcoind-style wallet over JSON-RPC (bitcoind, bcoin): {@code sendmany ACCOUNT {addr: amount}
 * MINCONF COMMENT}, {@code listtransactions}, {@code gettransaction}, and, when a passphrase is
 * configured, {@code walletpassphrase} with a short timeout before each send and {@code walletlock}
 * after it. Amounts go over the wire as 8-decimal coin values built exactly from base units.
 *
 * <p>The passphrase is never logged and never put in an exception message.
 */
public final class RpcPayoutWallet implements PayoutWallet {

    private static final Logger LOG = LoggerFactory.getLogger(RpcPayoutWallet.class);

    private final JsonRpc wallet;
    private final String account;
    private final int minconf;
    private final Optional<String> passphrase;
    private final Duration unlockFor;
    private final int lookback;

    /**
     * @param wallet the wallet RPC
     * @param account the account to pay from and list ({@code default} on bcoin, {@code ""} or
     *     {@code "*"} on bitcoind)
     * @param minconf the confirmations the coins spent need
     * @param passphrase the wallet passphrase, if the wallet is encrypted
     * @param unlockFor how long {@code walletpassphrase} unlocks the wallet for
     * @param lookback how many wallet transactions {@link #sends(Instant)} lists
     */
    public RpcPayoutWallet(JsonRpc wallet, String account, int minconf, Optional<String> passphrase, Duration unlockFor,
            int lookback) {
        this.wallet = Objects.requireNonNull(wallet, "wallet");
        this.account = Objects.requireNonNull(account, "account");
        this.minconf = minconf;
        this.passphrase = Objects.requireNonNull(passphrase, "passphrase");
        this.unlockFor = Objects.requireNonNull(unlockFor, "unlockFor");
        if (unlockFor.toSeconds() < 1) {
            throw new IllegalArgumentException("the wallet unlock time must be at least one second");
        }
        if (lookback < 1) {
            throw new IllegalArgumentException("lookback must be at least 1, got " + lookback);
        }
        this.lookback = lookback;
    }

    /** The {@code default} account, minconf 1, no passphrase, the last 100000 transactions. */
    public static RpcPayoutWallet bcoin(JsonRpc wallet) {
        return new RpcPayoutWallet(wallet, "default", 1, Optional.empty(), Duration.ofSeconds(30), 100_000);
    }

    @Override
    public String send(String label, SortedMap<String, Long> amounts) {
        Map<String, BigDecimal> coins = new LinkedHashMap<>();
        amounts.forEach((address, units) -> coins.put(address, BigDecimal.valueOf(units, 8)));
        boolean unlocked = false;
        try {
            if (passphrase.isPresent()) {
                try {
                    wallet.call("walletpassphrase", List.of(passphrase.get(), unlockFor.toSeconds()));
                } catch (RpcException e) {
                    throw new WalletRefusedException("the wallet did not unlock (" + e.code() + ": " + e.nodeMessage()
                            + "); check the configured passphrase", e);
                }
                unlocked = true;
            }
            try {
                return wallet.call("sendmany", List.of(account, coins, minconf, label)).textValue();
            } catch (RpcException e) {
                throw new WalletRefusedException("the wallet refused payout " + label + " (" + e.code() + ": "
                        + e.nodeMessage() + ")", e);
            }
        } finally {
            if (unlocked) {
                try {
                    wallet.call("walletlock", List.of());
                } catch (RuntimeException e) {
                    LOG.warn("walletlock after payout {} failed ({}); the wallet relocks itself after {}", label,
                            e.getMessage(), unlockFor);
                }
            }
        }
    }

    @Override
    public List<WalletTx> sends(Instant since) {
        JsonNode list = wallet.call("listtransactions", List.of(account, lookback));
        Set<String> txids = new LinkedHashSet<>();
        for (JsonNode entry : list) {
            // bcoin lists a payment to the wallet's own addresses as 'receive'; only coinbase categories are skipped.
            String category = entry.path("category").asText();
            boolean coinbase = category.equals("generate") || category.equals("immature") || category.equals("orphan");
            if (!coinbase && entry.path("time").asLong() >= since.getEpochSecond()) {
                txids.add(entry.path("txid").asText());
            }
        }
        List<WalletTx> out = new ArrayList<>();
        for (String txid : txids) {
            transaction(txid).ifPresent(out::add);
        }
        return out;
    }

    @Override
    public Optional<WalletTx> transaction(String txid) {
        JsonNode tx;
        try {
            tx = wallet.call("gettransaction", List.of(txid));
        } catch (RpcException e) {
            return Optional.empty();
        }
        // Per address, the larger of what a 'send' and a 'receive' entry says: bitcoind lists a payment to
        // one of its own addresses under both; bcoin lists it once as 'receive'. Change is not listed.
        Map<String, Long> sent = new TreeMap<>();
        Map<String, Long> received = new TreeMap<>();
        long fee = 0;
        for (JsonNode d : tx.path("details")) {
            String address = d.path("address").asText("");
            if (address.isEmpty()) {
                continue;
            }
            long units = sats(d.path("amount").decimalValue().abs());
            if ("send".equals(d.path("category").asText())) {
                sent.merge(address, units, Long::sum);
                if (d.has("fee")) {
                    fee = sats(d.path("fee").decimalValue().abs());
                }
            } else if ("receive".equals(d.path("category").asText())) {
                received.merge(address, units, Long::sum);
            }
        }
        TreeMap<String, Long> outputs = new TreeMap<>(sent);
        received.forEach((a, v) -> outputs.merge(a, v, Math::max));
        Optional<String> comment = tx.hasNonNull("comment") ? Optional.of(tx.get("comment").asText())
                : Optional.empty();
        // bcoin 1.0.2's gettransaction leaves 'confirmations' out; a block hash then says it is in a block.
        long confirmations = tx.has("confirmations") ? Math.max(0, tx.path("confirmations").asLong())
                : tx.hasNonNull("blockhash") ? 1 : 0;
        return Optional.of(new WalletTx(txid, comment, outputs, fee, confirmations,
                Instant.ofEpochSecond(tx.path("time").asLong())));
    }

    private static long sats(BigDecimal coins) {
        return coins.movePointRight(8).longValueExact();
    }

    @Override
    public String toString() {
        return "RpcPayoutWallet[" + wallet + ", account=" + account + ", passphrase="
                + (passphrase.isPresent() ? "***" : "-") + "]";
    }
}
