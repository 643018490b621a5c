package io.poolkit.qtum.consensus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import io.poolkit.core.testing.TestVectors;
import org.junit.jupiter.api.Test;

class ConsensusVectorsTest {

    @Test
    void subsidyMaturityAndSpacingMatchEverySubsidyVector() {
        JsonNode vectors = TestVectors.json("qtum/vectors/subsidy_schedule.json").get("vectors");
        assertEquals(10, vectors.size());
        for (JsonNode v : vectors) {
            QtumChain chain = QtumChain.parse(v.get("network").asText());
            int h = v.get("height").asInt();
            assertEquals(v.get("subsidy_sats").asLong(), chain.subsidySats(h), chain + " subsidy at " + h);
            assertEquals(v.get("coinbase_maturity").asInt(), chain.coinbaseMaturity(h), chain + " maturity at " + h);
            assertEquals(v.get("target_spacing_s").asInt(), chain.targetSpacingSeconds(h), chain + " spacing at " + h);
        }
    }

    @Test
    void boundariesAroundTheForkAndTheHalvings() {
        assertEquals(500, QtumChain.MAIN.coinbaseMaturity(844_999));
        assertEquals(2000, QtumChain.MAIN.coinbaseMaturity(845_000));
        assertEquals(100_000_000L, QtumChain.MAIN.subsidySats(845_000));
        assertEquals(400_000_000L, QtumChain.MAIN.subsidySats(5_001));
        assertEquals(2_000_000_000_000L, QtumChain.MAIN.subsidySats(5_000));
        assertEquals(50_000_000L, QtumChain.MAIN.subsidySats(1_427_004));
        assertEquals(25_000_000L, QtumChain.MAIN.subsidySats(5_369_004));
        assertEquals(50_000_000L, QtumChain.TESTNET.subsidySats(1_542_204));
        assertEquals(100_000_000L, QtumChain.TESTNET.subsidySats(1_542_203));
        assertEquals(0L, QtumChain.MAIN.subsidySats(Integer.MAX_VALUE));
        assertThrows(IllegalArgumentException.class, () -> QtumChain.MAIN.subsidySats(-1));
    }

    @Test
    void rewardSplitMatchesEveryVector() {
        JsonNode vectors = TestVectors.json("qtum/vectors/reward_split_vectors.json").get("vectors");
        assertEquals(5, vectors.size());
        for (JsonNode v : vectors) {
            RewardSplit split = RewardSplit.of(v.get("reward_sats").asLong(), v.get("fee_pct").asInt());
            assertEquals(v.get("staker_reward_sats").asLong(), split.stakerRewardSats(), v.toString());
            assertEquals(v.get("delegate_reward_sats").asLong(), split.delegateRewardSats(), v.toString());
            assertEquals(v.get("delegate_output_exists").asBoolean(), split.delegateOutputExists(), v.toString());
            assertEquals(v.get("fee_recomputed_from_outputs").asInt(),
                    RewardSplit.feeFromOutputs(split.stakerRewardSats(), split.rewardSats()), v.toString());
        }
    }

    @Test
    void feeRecoveryRoundTripsForEveryFee() {
        for (long reward : new long[] {1, 7, 99, 100, 50_000_001L, 400_000_000L}) {
            for (int fee = 0; fee <= 100; fee++) {
                RewardSplit s = RewardSplit.of(reward, fee);
                assertEquals(reward, s.stakerRewardSats() + s.delegateRewardSats());
                if (reward >= 100) {
                    assertEquals(fee, RewardSplit.feeFromOutputs(s.stakerRewardSats(), reward), reward + " @ " + fee);
                }
            }
        }
        assertThrows(IllegalArgumentException.class, () -> RewardSplit.of(1, 101));
    }
}
