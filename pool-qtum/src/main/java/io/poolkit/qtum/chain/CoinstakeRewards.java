package io.poolkit.qtum.chain;

import io.poolkit.qtum.consensus.RewardSplit;
import java.math.BigInteger;
import java.util.Optional;

/**
 * The rewards of a proof-of-stake block read from its coinstake: {@code staker = vout[1] - value of
 * vin[0]'s prevout}; {@code delegate = vout[2]} only when vout[2] pays the kernel UTXO's owner (with a
 * 100% fee there is no delegate output and vout[2], if any, is a gas refund).
 *
 * @param stakerAddress owner of vin[0] (the super staker, for a delegated block)
 * @param stakerRewardSats staker reward in satoshis
 * @param delegateAddress the delegate paid by vout[2], if any
 * @param delegateRewardSats delegate reward (0 without a delegate output)
 * @param proofOfDelegation whether the block carried a PoD (a delegated block)
 */
public record CoinstakeRewards(String stakerAddress, long stakerRewardSats, Optional<String> delegateAddress,
        long delegateRewardSats, boolean proofOfDelegation) {

    /**
     * Reads the rewards from a coinstake.
     *
     * @param coinstake the block's tx[1]
     * @param vin0PrevSats value of vin[0]'s prevout, when the response lacks {@code valueSat}
     *        (no addrindex); look it up with {@code getrawtransaction}
     * @param vin0Address owner of vin[0], when the response lacks it
     * @param kernelOwner owner of the kernel prevout ({@code prevoutStakeHash}/{@code prevoutStakeVoutN})
     * @param proofOfDelegation whether getblock showed {@code proofOfDelegation}
     */
    public static CoinstakeRewards of(RawTransaction coinstake, Optional<Long> vin0PrevSats,
            Optional<String> vin0Address, Optional<String> kernelOwner, boolean proofOfDelegation) {
        if (coinstake.vin().isEmpty() || coinstake.vout().size() < 2 || coinstake.vout().get(0).sats() != 0) {
            throw new IllegalArgumentException("transaction " + coinstake.txid()
                    + " is not a coinstake (needs vin[0], an empty vout[0] and vout[1])");
        }
        TxIn in = coinstake.vin().get(0);
        long inSats = in.prevSats().or(() -> vin0PrevSats).orElseThrow(() -> new IllegalArgumentException(
                "the value of coinstake " + coinstake.txid() + " vin[0] is unknown: run qtumd with -addrindex"
                        + " or look up " + in.prevTxid() + ":" + in.prevVout()));
        String staker = in.address().or(() -> vin0Address).or(() -> coinstake.vout().get(1).address())
                .orElseThrow(() -> new IllegalArgumentException("cannot tell the staker of coinstake " + coinstake.txid()));
        long stakerReward = coinstake.vout().get(1).sats() - inSats;
        Optional<String> delegate = Optional.empty();
        long delegateReward = 0;
        if (coinstake.vout().size() > 2 && kernelOwner.isPresent()) {
            TxOut v2 = coinstake.vout().get(2);
            if (v2.address().equals(kernelOwner)) {
                delegate = kernelOwner;
                delegateReward = v2.sats();
            }
        }
        return new CoinstakeRewards(staker, stakerReward, delegate, delegateReward, proofOfDelegation);
    }

    /** Total reward paid to staker and delegate. */
    public long totalRewardSats() {
        return Math.addExact(stakerRewardSats, delegateRewardSats);
    }

    /** The fee as consensus recomputes it: {@code ceil(100 * staker / total)}. */
    public int consensusFeePercent() {
        return RewardSplit.feeFromOutputs(stakerRewardSats, totalRewardSats());
    }

    /** PPM's displayed percent fee: {@code round(100 * staker / total)}, half-even on the exact ratio. */
    public int ppmPercentFee() {
        BigInteger[] qr = BigInteger.valueOf(stakerRewardSats).multiply(BigInteger.valueOf(100))
                .divideAndRemainder(BigInteger.valueOf(totalRewardSats()));
        int cmp = qr[1].shiftLeft(1).compareTo(BigInteger.valueOf(totalRewardSats()));
        long q = qr[0].longValueExact();
        return (int) (cmp > 0 || (cmp == 0 && (q & 1) == 1) ? q + 1 : q);
    }

    /** Whether this is our pool block: a delegated block whose staker is {@code myStaker}. */
    public boolean isPoolBlockFor(String myStaker) {
        return proofOfDelegation && stakerAddress.equals(myStaker);
    }
}
