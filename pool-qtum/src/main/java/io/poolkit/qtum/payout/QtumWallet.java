package io.poolkit.qtum.payout;

import io.poolkit.core.payout.PayoutWallet;
import io.poolkit.core.payout.RpcPayoutWallet;
import io.poolkit.core.payout.WalletRefusedException;
import io.poolkit.core.payout.WalletTx;
import io.poolkit.core.rpc.JsonRpc;
import io.poolkit.core.rpc.RpcException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * qtumd's wallet as pool-core's {@link PayoutWallet}: before each send {@code walletpassphrase PP 20},
 * then {@code sendmany "" {addr: "x.xxxxxxxx"} 1 LABEL} (the first argument must be empty on qtumd).
 * It does not lock the wallet after a send: a super staker's wallet must stay unlocked for staking,
 * so {@link QtumPayoutRunner} re-unlocks it for staking only ({@link #unlockForStakingOnly()}) after
 * the run. Listing sends and reading one transaction (for reconciliation after a crash) are
 * bitcoind's {@code listtransactions "*"} and {@code gettransaction}, read by pool-core's RPC wallet.
 *
 * <p>The passphrase is never logged and never put in an exception message.
 */
public final class QtumWallet implements PayoutWallet {

    private final JsonRpc rpc;
    private final char[] passphrase;
    private final RpcPayoutWallet reader;

    /**
     * @param rpc qtumd's wallet RPC
     * @param passphrase the wallet passphrase
     */
    public QtumWallet(JsonRpc rpc, char[] passphrase) {
        this.rpc = rpc;
        this.passphrase = passphrase.clone();
        this.reader = new RpcPayoutWallet(rpc, "*", 1, Optional.empty(), Duration.ofSeconds(20), 1_000);
    }

    @Override
    public String send(String label, SortedMap<String, Long> amounts) {
        try {
            rpc.call("walletpassphrase", List.of(new String(passphrase), 20));
        } catch (RpcException e) {
            throw new WalletRefusedException("qtumd's wallet did not unlock (" + e.code() + ": " + e.nodeMessage()
                    + "); check the passphrase", e);
        }
        Map<String, String> coins = new LinkedHashMap<>();
        amounts.forEach((address, sats) -> coins.put(address, BigDecimal.valueOf(sats, 8).toPlainString()));
        try {
            return rpc.call("sendmany", List.of("", coins, 1, label)).asText();
        } catch (RpcException e) {
            throw new WalletRefusedException("qtumd refused payout " + label + " (" + e.code() + ": " + e.nodeMessage()
                    + ")", e);
        }
    }

    /** Unlocks the wallet for staking only again (PPM: {@code walletpassphrase PP 99999999 true}). */
    public void unlockForStakingOnly() {
        rpc.call("walletpassphrase", List.of(new String(passphrase), 99_999_999, true));
    }

    @Override
    public List<WalletTx> sends(Instant since) {
        return reader.sends(since);
    }

    @Override
    public Optional<WalletTx> transaction(String txid) {
        return reader.transaction(txid);
    }

    @Override
    public String toString() {
        return "QtumWallet[" + rpc + "]";
    }
}
