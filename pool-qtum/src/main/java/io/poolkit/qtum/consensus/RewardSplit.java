package io.poolkit.qtum.consensus;

/**
 * The consensus split of a delegated (offline-staking) block reward, as in qtum's
 * {@code SplitOfflineStakeReward}: {@code staker = floor(reward * fee / 100)},
 * {@code delegate = reward - staker}. The delegate output exists only when {@code fee < 100}.
 *
 * @param rewardSats total reward (subsidy + fees - gas refunds)
 * @param feePercent the delegation fee, 0..100
 * @param stakerRewardSats the super staker's part
 * @param delegateRewardSats the delegate's part
 */
public record RewardSplit(long rewardSats, int feePercent, long stakerRewardSats, long delegateRewardSats) {

    /** Splits {@code rewardSats} at {@code feePercent}. */
    public static RewardSplit of(long rewardSats, int feePercent) {
        if (rewardSats < 0) {
            throw new IllegalArgumentException("reward must be >= 0 satoshis, got " + rewardSats);
        }
        if (feePercent < 0 || feePercent > 100) {
            throw new IllegalArgumentException("delegation fee must be 0..100 percent, got " + feePercent);
        }
        long staker = Math.multiplyExact(rewardSats, (long) feePercent) / 100;
        return new RewardSplit(rewardSats, feePercent, staker, rewardSats - staker);
    }

    /** Whether the coinstake carries a delegate output (qtum {@code IsDelegateOutputExist}: fee below 100). */
    public boolean delegateOutputExists() {
        return feePercent < 100;
    }

    /**
     * The fee the node recomputes from the outputs: {@code ceil(100 * staker / reward)}; it must equal
     * the delegation's fee for the block to be valid.
     */
    public static int feeFromOutputs(long stakerRewardSats, long rewardSats) {
        if (rewardSats <= 0 || stakerRewardSats < 0 || stakerRewardSats > rewardSats) {
            throw new IllegalArgumentException("need 0 <= staker reward <= reward and reward > 0; got staker "
                    + stakerRewardSats + ", reward " + rewardSats);
        }
        long numerator = Math.multiplyExact(stakerRewardSats, 100L);
        return (int) ((numerator + rewardSats - 1) / rewardSats);
    }
}
