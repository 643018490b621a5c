package io.poolkit.hn.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import io.poolkit.core.testing.TestVectors;
import io.poolkit.hn.ImmutableBytes;
import io.poolkit.hn.crypto.PosNetwork;
import io.poolkit.hn.round.RoundClock;
import io.poolkit.hn.schedule.Peer;
import io.poolkit.hn.schedule.ScheduleParameters;
import io.poolkit.hn.schedule.VectorPeers;
import io.poolkit.hn.scheduler.RoundSchedule;
import io.poolkit.hn.scheduler.RoundScheduler;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * hn/registration_round_scenario.json: the plugin's HN_reg_round on a synthetic ledger, then the
 * HN side of the round (inactive marking, tickets, forgers, tests, connect_to).
 */
class RegistrationScenarioVectorsTest {

    private static final JsonNode V = TestVectors.json("hn/registration_round_scenario.json");

    static PowLedger ledger() {
        List<PowLedgerRow> rows = new ArrayList<>();
        for (JsonNode r : V.get("ledger_rows")) {
            // block_height, timestamp, address, recipient, amount, signature, public_key, block_hash, fee, reward, operation, openfield
            rows.add(new PowLedgerRow(r.get(0).asLong(), new BigDecimal(r.get(1).asText()), r.get(2).asText(),
                    r.get(3).asText(), PowLedgerRow.units(new BigDecimal(r.get(4).asText())),
                    PowLedgerRow.units(new BigDecimal(r.get(8).asText())),
                    PowLedgerRow.units(new BigDecimal(r.get(9).asText())), r.get(10).asText(), r.get(11).asText()));
        }
        return new PowLedger(rows);
    }

    private static RoundRegistrations compute() {
        PowLedger ledger = ledger();
        RegistrationProcessor processor = new RegistrationProcessor(ledger, PowAddressRule.LEGACY, PosNetwork.MAINNET);
        return RoundRegistrations.compute(ledger, V.get("round").asLong(), processor);
    }

    @Test
    void referenceTimestampAndHeight() {
        RoundRegistrations result = compute();
        JsonNode params = V.get("HN_reg_round_output").get("params");
        assertEquals(V.get("ref_timestamp").asLong(), result.referenceTime());
        assertEquals(params.get("ref_timestamp").asDouble(), (double) RoundClock.referenceTimestamp(params.get("pos_round").asLong()));
        assertEquals(params.get("ref_height").asLong(), result.referenceHeight());
        assertEquals(V.get("HN_reg_round_output").get("status").asText(), result.result().status());
    }

    @Test
    void registrationsInInsertionOrderWithEveryField() {
        JsonNode regs = V.get("HN_reg_round_output").get("regs");
        List<Registration> actual = compute().registrations().registrations();
        List<String> expectedOrder = new ArrayList<>();
        regs.fieldNames().forEachRemaining(expectedOrder::add);
        assertEquals(expectedOrder, actual.stream().map(Registration::powAddress).toList());
        for (Registration r : actual) {
            JsonNode e = regs.get(r.powAddress());
            assertEquals(e.get("ip").asText(), r.ip());
            assertEquals(e.get("port").asText(), r.port());
            assertEquals(e.get("pos").asText(), r.posAddress());
            assertEquals(e.get("reward").asText(), r.rewardAddress());
            assertEquals(e.get("weight").asInt(), r.weight(), r.powAddress());
            assertEquals(0, new BigDecimal(e.get("timestamp").asText()).compareTo(r.timestamp()));
            assertEquals(e.get("active").asBoolean(), r.active());
        }
    }

    @Test
    void everyEventAcceptedOrRejectedAsExplained() {
        Map<Long, EventOutcome> byHeight = new HashMap<>();
        compute().result().outcomes().forEach(o -> byHeight.put(o.event().blockHeight(), o));
        for (JsonNode e : V.get("events_explained")) {
            long height = e.get("block_height").asLong();
            String note = e.get("note").asText();
            EventOutcome outcome = byHeight.get(height);
            if (outcome == null) {
                continue; // not a registration row (a plain transfer after registering)
            }
            assertEquals(!note.startsWith("invalid"), outcome.accepted(), height + ": " + note);
        }
        assertEquals(RegistrationException.Reason.DUPLICATE_IP, byHeight.get(773816L).rejected().orElseThrow().reason());
        assertEquals(RegistrationException.Reason.DUPLICATE_POS_ADDRESS,
                byHeight.get(773817L).rejected().orElseThrow().reason());
        assertEquals(RegistrationException.Reason.ALREADY_REGISTERED, byHeight.get(773818L).rejected().orElseThrow().reason());
        assertEquals(RegistrationException.Reason.BAD_SOURCE, byHeight.get(773819L).rejected().orElseThrow().reason());
        assertEquals(RegistrationException.Reason.UNREGISTRATION_MISMATCH,
                byHeight.get(773824L).rejected().orElseThrow().reason());
        assertEquals(RegistrationException.Reason.UNREGISTRATION_SENDER,
                byHeight.get(773825L).rejected().orElseThrow().reason());
        assertEquals(EventOutcome.Kind.UNREGISTERED_BY_CONTROLLER, byHeight.get(773826L).kind());
        assertEquals(RegistrationException.Reason.BAD_IP, byHeight.get(773827L).rejected().orElseThrow().reason());
        assertEquals(RegistrationException.Reason.BAD_POS_ADDRESS, byHeight.get(773828L).rejected().orElseThrow().reason());
    }

    @Test
    void ipFeedReadsLikeThePlugin() {
        assertEquals(VectorPeers.strings(V.get("ip_feed_for_10.0.0.7")), compute().result().ipFeed("10.0.0.7"));
    }

    @Test
    void weightsAtTheReferenceHeight() {
        PowLedger ledger = ledger();
        long refHeight = V.get("HN_reg_round_output").get("params").get("ref_height").asLong();
        V.get("weights_at_ref_height_balance_check").fields().forEachRemaining(e ->
                assertEquals(e.getValue().asInt(), ledger.weightAt(e.getKey(), refHeight), e.getKey()));
    }

    @Test
    void roundScheduleFromTheRegistrations() {
        RegistrationList regs = compute().registrations();
        Set<String> inactive = new LinkedHashSet<>(VectorPeers.strings(V.get("inactive_last_round")));
        ScheduleParameters parameters = new ScheduleParameters(V.get("TESTS_PER_SLOT").asInt(), V.get("MAX_CONNECT_TO").asInt());
        RoundSchedule schedule = new RoundScheduler(parameters).schedule(V.get("round").asLong(), regs, inactive,
                ImmutableBytes.fromHex(V.get("reference_hash_hex").asText()));

        assertEquals(VectorPeers.of(V.get("all_peers")), schedule.allPeers());
        assertEquals(VectorPeers.of(V.get("active_peers")), schedule.activePeers());
        assertEquals(VectorPeers.tickets(V.get("tickets")), schedule.tickets());
        assertEquals(VectorPeers.slots(V.get("slots")), schedule.forgers());
        assertEquals(VectorPeers.testSlots(V.get("test_slots")), schedule.testSlots());
        assertEquals(VectorPeers.strings(V.get("connect_to")),
                schedule.connectTo(V.get("connect_to_for").asText()).stream().map(Peer::posAddress).toList());
    }

    @Test
    void theScenarioAddressesAreValid() {
        V.get("pos_addresses").forEach(a -> assertEquals(true,
                io.poolkit.hn.crypto.PosAddress.isValid(a.asText(), PosNetwork.MAINNET), a.asText()));
        JsonNode pow = V.get("pow_addresses");
        for (String name : new String[] {"control", "funder", "miner", "reward_2"}) {
            assertEquals(true, PowAddressRule.LEGACY.isValid(pow.get(name).asText()), name);
        }
        pow.get("collateral").forEach(a -> assertEquals(true, PowAddressRule.LEGACY.isValid(a.asText())));
        assertEquals(RegistrationProcessor.POW_CONTROL_ADDRESS, pow.get("control").asText());
    }

    @Test
    void aLatePowChainIsRefused() {
        PowLedger ledger = ledger();
        RegistrationProcessor processor = new RegistrationProcessor(ledger, PowAddressRule.LEGACY, PosNetwork.MAINNET);
        // Round 3 reads the chain at 1534723200: the ledger's tip (773920) is that very block, not 20 past it.
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> RoundRegistrations.compute(ledger, 3, processor));
        assertEquals(true, e.getMessage().contains("POW is late"), e.getMessage());
    }
}
