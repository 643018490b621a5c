package io.poolkit.qtum.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.poolkit.core.address.Networks;
import io.poolkit.core.testing.TestVectors;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CoinstakeParseTest {

    private static final JsonNode VECTOR = TestVectors.json("qtum/vectors/coinstake_parse_vectors.json")
            .get("vectors").get(0);

    private static void checkAgainstVector(RawTransaction tx) {
        assertEquals(VECTOR.get("coinstake_txid").asText(), tx.txid());
        assertEquals(VECTOR.get("vin0_prev_value_sats").asLong(), tx.vin().get(0).prevSats().orElseThrow());
        assertEquals(VECTOR.get("vin0_address").asText(), tx.vin().get(0).address().orElseThrow());
        JsonNode vout = VECTOR.get("vout");
        assertEquals(vout.size(), tx.vout().size());
        for (int i = 0; i < vout.size(); i++) {
            JsonNode e = vout.get(i);
            TxOut o = tx.vout().get(i);
            assertEquals(e.get("n").asInt(), o.n());
            assertEquals(e.get("sats").asLong(), o.sats());
            assertEquals(e.get("type").asText(), o.type());
            if (e.has("pubkey")) {
                assertEquals(e.get("pubkey").asText(), o.pubkeyHex().orElseThrow());
                assertEquals(e.get("address").asText(), o.address().orElseThrow());
            }
        }
        JsonNode expected = VECTOR.get("expected");
        String kernelOwner = vout.get(2).get("address").asText();
        CoinstakeRewards r = CoinstakeRewards.of(tx, Optional.empty(), Optional.empty(), Optional.of(kernelOwner),
                VECTOR.get("block_has_proofOfDelegation").asBoolean());
        assertEquals(expected.get("staker_reward_sats").asLong(), r.stakerRewardSats());
        assertEquals(expected.get("delegate_reward_sats").asLong(), r.delegateRewardSats());
        assertEquals(expected.get("total_reward_sats").asLong(), r.totalRewardSats());
        assertEquals(expected.get("fee_consensus_ceil").asInt(), r.consensusFeePercent());
        assertEquals(expected.get("ppm_percentFee_round").asInt(), r.ppmPercentFee());
        assertEquals(expected.get("is_pool_block_for_staker_qMUR738").asBoolean(),
                r.isPoolBlockFor("qMUR738THXBXABfx1Rk6iWtiStEPtQKWYK"));
        assertEquals(Optional.of(kernelOwner), r.delegateAddress());
        assertFalse(r.isPoolBlockFor("qPooLFFk2BT3i9yKApjeJhuYjYKWHmuCdq"));
    }

    @Test
    void recorded0200EraCoinstakeMatchesTheVector() {
        checkAgainstVector(RawTransaction.parse(
                TestVectors.json("qtum/rpc/ppm_getrawtransaction_coinstake_660890_testnet.json"), Networks.QTUM_TESTNET));
    }

    /**
     * The v23+ shape of the same transaction, derived from the recorded response: no valueSat,
     * {@code value} as a decimal, no {@code reqSigs}/{@code addresses}. P2PK outputs never carry an
     * address in v23+, so they are derived from the key.
     */
    @Test
    void v23ShapeOfTheSameCoinstakeMatchesTheVector() {
        ObjectNode tx = TestVectors.json("qtum/rpc/ppm_getrawtransaction_coinstake_660890_testnet.json")
                .get("result").deepCopy();
        for (JsonNode out : tx.get("vout")) {
            ((ObjectNode) out).remove("valueSat");
        }
        checkAgainstVector(RawTransaction.parse(tx, Networks.QTUM_TESTNET));
    }

    @Test
    void withoutAddrindexTheVin0ValueMustBeSupplied() {
        ObjectNode tx = TestVectors.json("qtum/rpc/ppm_getrawtransaction_coinstake_660890_testnet.json")
                .get("result").deepCopy();
        ObjectNode in = (ObjectNode) tx.get("vin").get(0);
        in.remove("value");
        in.remove("valueSat");
        in.remove("address");
        RawTransaction parsed = RawTransaction.parse(tx, Networks.QTUM_TESTNET);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CoinstakeRewards.of(parsed, Optional.empty(), Optional.empty(), Optional.empty(), true));
        assertTrue(e.getMessage().contains("-addrindex"), e.getMessage());
        CoinstakeRewards r = CoinstakeRewards.of(parsed, Optional.of(11_840_000_000L), Optional.empty(),
                Optional.empty(), true);
        assertEquals(40_000_000L, r.stakerRewardSats());
        assertEquals("qMUR738THXBXABfx1Rk6iWtiStEPtQKWYK", r.stakerAddress()); // from the vout[1] P2PK key
        assertEquals(0L, r.delegateRewardSats()); // kernel owner unknown: vout[2] is not taken as the delegate's
    }

    @Test
    void prevoutFragmentsGiveTheKernelOwnerInAllThreeShapes() {
        JsonNode f = TestVectors.json("qtum/rpc/ppm_getrawtransaction_prevout_fragments_testnet.json");
        assertEquals("qMmbHnEDDXBcmRq7e4JiFXTMzLWVptNjKD",
                RawTransaction.parseOut(f.get("p2pkh_vout_with_addresses_array"), Networks.QTUM_TESTNET).address().orElseThrow());
        assertEquals("qbyVuxhRy4Y4dgRk2McVVEwqDVao73MrjV",
                RawTransaction.parseOut(f.get("p2pk_vout_needs_pubkey_to_address"), Networks.QTUM_TESTNET).address().orElseThrow());
        ObjectNode v23 = f.get("p2pkh_vout_with_addresses_array").deepCopy();
        ((ObjectNode) v23.get("scriptPubKey")).remove("addresses");
        assertEquals("qMmbHnEDDXBcmRq7e4JiFXTMzLWVptNjKD",
                RawTransaction.parseOut(v23, Networks.QTUM_TESTNET).address().orElseThrow());
        ((ObjectNode) v23.get("scriptPubKey")).put("address", "qMmbHnEDDXBcmRq7e4JiFXTMzLWVptNjKD");
        assertEquals("qMmbHnEDDXBcmRq7e4JiFXTMzLWVptNjKD",
                RawTransaction.parseOut(v23, Networks.QTUM_TESTNET).address().orElseThrow());
    }

    @Test
    void recordedRegtestDelegatedCoinstakeAt99PercentFee() {
        RawTransaction tx = RawTransaction.parse(
                TestVectors.json("qtum/rpc/docs_offline_staking_delegated_coinstake_regtest.json"), Networks.QTUM_REGTEST);
        assertEquals(3_980_000_000_000L, tx.vout().get(1).sats());
        assertEquals("qPPxWa7P2dk6TW1QEwmutwMwSPo6Fw51sB", tx.vout().get(2).address().orElseThrow());
        CoinstakeRewards r = CoinstakeRewards.of(tx, Optional.of(2_000_000_000_000L), Optional.empty(),
                Optional.of("qPPxWa7P2dk6TW1QEwmutwMwSPo6Fw51sB"), true);
        assertEquals(1_980_000_000_000L, r.stakerRewardSats());
        assertEquals(20_000_000_000L, r.delegateRewardSats());
        assertEquals(99, r.consensusFeePercent());
    }

    @Test
    void amountsNeverGoThroughDoubles() {
        assertEquals(11_840_000_000L, RpcAmounts.qtumToSats("118.40000000"));
        assertEquals(1L, RpcAmounts.qtumToSats("0.00000001"));
        assertThrows(IllegalArgumentException.class, () -> RpcAmounts.qtumToSats("0.000000001"));
        assertEquals("118.40000000", RpcAmounts.satsToQtum(11_840_000_000L));
    }
}
