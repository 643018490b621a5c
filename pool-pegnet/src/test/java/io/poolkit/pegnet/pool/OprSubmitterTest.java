package io.poolkit.pegnet.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poolkit.core.bytes.Hex;
import io.poolkit.pegnet.factom.EcKey;
import io.poolkit.pegnet.factom.FactomdClient;
import io.poolkit.pegnet.factom.FactomdRpc;
import io.poolkit.pegnet.factom.FactomdSimulator;
import io.poolkit.pegnet.opr.FactomEntry;
import io.poolkit.pegnet.stratum.ShareChecker;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every offered share is recorded: stale, blocked, failed (factomd refused) and submitted ones. */
class OprSubmitterTest {

    @Test
    void everyOutcomeIsRecorded() throws Exception {
        try (FactomdSimulator sim = new FactomdSimulator(300_000)) {
            List<SubmissionLog.Attempt> log = new ArrayList<>();
            OprSubmitter s = new OprSubmitter(new FactomdClient(new FactomdRpc(sim.url(), Duration.ofSeconds(5))),
                    EcKey.fromSeed(new byte[32]), new SubmissionPolicy(36, 200, 2, true, 0xffff100000000000L), log::add,
                    Clock.systemUTC());
            PegnetJob job = new JobFactory("poolkit", PoolTestData.faAddress("pool"),
                    PriceSource.fixed(PoolTestData.basePrices(5))).build(300_001, Collections.nCopies(25, ""));
            s.newJob(job);
            String opr = Hex.encode(job.oprHash());
            byte[] hash = Hex.decode(opr);
            sim.failCommits(1);
            s.offer(new ShareChecker.Share("alice", "r", "300001", hash, new byte[] {1}, 0xffff200000000000L));
            s.offer(new ShareChecker.Share("alice", "r", "300001", hash, new byte[] {2}, 0xffff300000000000L));
            s.offer(new ShareChecker.Share("alice", "r", "300001", hash, new byte[] {3}, 0xffff000000000001L));
            s.offer(new ShareChecker.Share("bob", "r", "300000", hash, new byte[] {4}, 0xffffffff00000000L));
            s.offer(new ShareChecker.Share("bob", "r", "300001", hash, new byte[] {5}, 0xffff400000000000L));
            s.offer(new ShareChecker.Share("bob", "r", "300001", hash, new byte[] {6}, 0xffff100000000001L));

            assertEquals(List.of(SubmissionLog.Outcome.FAILED, SubmissionLog.Outcome.SUBMITTED,
                    SubmissionLog.Outcome.BLOCKED, SubmissionLog.Outcome.STALE, SubmissionLog.Outcome.SUBMITTED,
                    SubmissionLog.Outcome.BLOCKED), log.stream().map(SubmissionLog.Attempt::outcome).toList(),
                    "failed commit; below the EMA; other job; SoftMax 2 full with better targets");
            assertTrue(log.get(0).error().contains("Repeated Commit"), log.get(0).error());
            assertEquals("", log.get(0).commitTxId());
            assertEquals(OprSubmitter.entryFor(job, new byte[] {1}, 0xffff200000000000L).hashHex(),
                    log.get(0).entryHash());
            List<FactomEntry> revealed = sim.revealed();
            assertEquals(List.of(log.get(1).entryHash(), log.get(4).entryHash()),
                    revealed.stream().map(FactomEntry::hashHex).toList());
            FactomEntry e = revealed.get(0);
            assertEquals("02", Hex.encode(e.extIds().get(0)));
            assertEquals("ffff300000000000", Hex.encode(e.extIds().get(1)));
            assertEquals("05", Hex.encode(e.extIds().get(2)));
            assertEquals(Hex.encode(job.content()), Hex.encode(e.content()));
            assertTrue(e.payloadSize() <= FactomEntry.ONE_EC_BYTES, "one entry credit");
        }
    }
}
