package io.poolkit.stratum.share;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.poolkit.core.bytes.Bytes;
import io.poolkit.core.bytes.Hex;
import io.poolkit.core.chain.BlockHeader;
import io.poolkit.core.pow.PowAlgorithms;
import io.poolkit.core.pow.Sha256d;
import io.poolkit.core.target.CompactBits;
import io.poolkit.core.testing.TestVectors;
import io.poolkit.core.chain.StratumEncoding;
import io.poolkit.stratum.job.StratumJob;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The real Litecoin block 29255, rebuilt from its stratum notify and submit (hash/stratum_share_ltc29255.json). */
class Litecoin29255ShareTest {

    private static final JsonNode V = TestVectors.json("hash/stratum_share_ltc29255.json");

    @Test
    void rebuiltFromNotifyAndSubmitAndAcceptedAsABlockCandidate() {
        JsonNode n = V.get("notify_params");
        JsonNode s = V.get("submit_params");
        JsonNode expected = V.get("expected");
        byte[] extranonce1 = Hex.decode(V.get("subscribe_result").get("extranonce1").asText());
        int extranonce2Size = V.get("subscribe_result").get("extranonce2_size").asInt();
        List<byte[]> branch = new ArrayList<>();
        n.get(4).forEach(b -> branch.add(Hex.decode(b.asText())));
        long ntime = Long.parseLong(n.get(7).asText(), 16);
        StratumJob job = new StratumJob(n.get(0).asText(), 29255, 5_000_000_000L, StratumEncoding.prevHashFromNotify(n.get(1).asText()),
                Hex.decode(n.get(2).asText()), Hex.decode(n.get(3).asText()), branch,
                (int) Long.parseLong(n.get(5).asText(), 16), CompactBits.parseHex(n.get(6).asText()), ntime, ntime - 3600,
                ntime + 7200, Instant.EPOCH, (header, coinbase) -> Bytes.concat(header, new byte[] {1}, coinbase));

        // The notify we would send for this job is the one in the vector.
        assertEquals(n.get(1).asText(), job.notifyParams("job1", true).previousHashHex());

        Submission submission = new Submission(s.get(0).asText(), s.get(1).asText(), s.get(2).asText(), s.get(3).asText(),
                s.get(4).asText(), Optional.empty());
        Set<String> seen = new HashSet<>();
        ShareResult result = new ShareValidator(PowAlgorithms.SCRYPT).validate(job, submission, extranonce1,
                extranonce2Size, 0, BigDecimal.ONE, PowAlgorithms.SCRYPT.difficultyScale().shareTarget(BigDecimal.ONE), seen);
        ShareResult.Accepted accepted = assertInstanceOf(ShareResult.Accepted.class, result);
        assertTrue(accepted.blockCandidate());
        assertEquals(expected.get("coinbase_hex").asText(), Hex.encode(accepted.coinbase()));
        assertEquals(expected.get("coinbase_txid_display").asText(), Hex.encode(Bytes.reversed(Sha256d.hash(accepted.coinbase()))));
        assertEquals(expected.get("merkle_root_internal").asText(), Hex.encode(job.merkleRoot(accepted.coinbase())));
        assertEquals(expected.get("header_hex").asText(), Hex.encode(accepted.header()));
        assertEquals(expected.get("scrypt_pow_raw").asText(), Hex.encode(accepted.powHashLe()));
        assertEquals(expected.get("block_hash_sha256d_display").asText(), BlockHeader.parse(accepted.header()).hashDisplayHex());
        assertEquals(expected.get("network_target").asText(), job.networkTarget().toHex());

        // The same share again is a duplicate; at a difficulty above what it achieved (61503) it is low.
        ShareResult again = new ShareValidator(PowAlgorithms.SCRYPT).validate(job, submission, extranonce1, extranonce2Size,
                0, BigDecimal.ONE, PowAlgorithms.SCRYPT.difficultyScale().shareTarget(BigDecimal.ONE), seen);
        assertEquals(RejectReason.DUPLICATE, ((ShareResult.Rejected) again).reason());
        ShareResult low = new ShareValidator(PowAlgorithms.SCRYPT).validate(job, submission, extranonce1, extranonce2Size,
                0, new BigDecimal("61504"), PowAlgorithms.SCRYPT.difficultyScale().shareTarget(new BigDecimal("61504")),
                new HashSet<>());
        assertEquals(RejectReason.LOW_DIFFICULTY, ((ShareResult.Rejected) low).reason());
        ShareResult atAchieved = new ShareValidator(PowAlgorithms.SCRYPT).validate(job, submission, extranonce1,
                extranonce2Size, 0, new BigDecimal("61503"), PowAlgorithms.SCRYPT.difficultyScale().shareTarget(new BigDecimal("61503")),
                new HashSet<>());
        assertInstanceOf(ShareResult.Accepted.class, atAchieved);
    }
}
