package io.poolkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.poolkit.core.testing.TestVectors;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HashAndVerifyShareCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LTC_GENESIS = "010000000000000000000000000000000000000000000000000000000000000000000000d9ced4ed"
            + "1130f7b7faad9be25323ffafa33232a17c3edf6cfd97bee6bafbdd97b9aa8e4ef0ff0f1ecd513f7c";

    @Test
    void hashPrintsEachFunctionsOutput() {
        JsonNode x11 = TestVectors.json("hash/x11.json");
        JsonNode abc = x11.get("per_function").get("abc");
        for (String fn : new String[] {"blake", "bmw", "groestl", "skein", "jh", "keccak", "luffa", "cubehash", "shavite",
            "simd", "echo"}) {
            CliRun run = CliRun.of("hash", fn + "512", "616263");
            assertEquals(0, run.exitCode(), run.err());
            assertEquals(abc.get(fn).asText(), run.out().strip(), fn);
        }
        assertEquals(x11.get("x11").get("abc").get("x11_raw_32").asText(), CliRun.of("hash", "x11", "616263").out().strip());
        assertEquals("0000050c34a64b415b6b15b37f2216634b5b1669cb9a2e38d76f7213b0671e00",
                CliRun.of("hash", "scrypt", LTC_GENESIS, "--reverse").out().strip());
        assertEquals("12a765e31ffd4059bada1e25190f6e98c99d9714d334efa41a195a7e7e04bfe2",
                CliRun.of("hash", "sha256d", "--reverse", LTC_GENESIS).out().strip());
    }

    @Test
    void scryptGeneralKdfOptions() {
        JsonNode v = TestVectors.json("hash/scrypt_rfc7914.json").get("scrypt").get(0);
        CliRun run = CliRun.of("hash", "scrypt", "--n", "16", "--r", "1", "--p", "1", "--salt", "", "--dklen", "64", "");
        assertEquals(v.get("DK").asText(), run.out().strip(), run.err());
        assertEquals(2, CliRun.of("hash", "scrypt", "--n", "1000", "00").exitCode());
        assertEquals(2, CliRun.of("hash", "sha256d", "--n", "16", "00").exitCode());
    }

    @Test
    void scryptnTakesTheNFactorFromOptionsOrTheHeader() {
        String byNFactor = CliRun.of("hash", "scryptn", "--nfactor", "9", LTC_GENESIS).out().strip();
        String byScrypt = CliRun.of("hash", "scrypt", "--n", "1024", LTC_GENESIS).out().strip();
        assertEquals(byScrypt, byNFactor);
        // The LTC genesis time (2011) is before Vertcoin's schedule: N-factor 10, N = 2048.
        assertEquals(CliRun.of("hash", "scrypt", "--n", "2048", LTC_GENESIS).out().strip(),
                CliRun.of("hash", "scryptn", LTC_GENESIS).out().strip());
        assertEquals(2, CliRun.of("hash", "scryptn", "616263").exitCode());
    }

    @Test
    void batchModeReadsStdinAndStopsAtTheFirstBadLine() {
        InputStream saved = System.in;
        try {
            System.setIn(new ByteArrayInputStream("616263\n\n\n00\n".getBytes(StandardCharsets.US_ASCII)));
            CliRun ok = CliRun.of("hash", "sha256d");
            assertEquals(0, ok.exitCode());
            assertEquals(2, ok.out().strip().split("\n").length);
            System.setIn(new ByteArrayInputStream("616263\nxyz\n00\n".getBytes(StandardCharsets.US_ASCII)));
            CliRun bad = CliRun.of("hash", "sha256d");
            assertEquals(2, bad.exitCode());
            assertEquals(1, bad.out().strip().split("\n").length);
            assertTrue(bad.err().contains("line 2"), bad.err());
        } finally {
            System.setIn(saved);
        }
        assertEquals(2, CliRun.of("hash", "md5", "00").exitCode());
    }

    @Test
    void verifyShareExitCodesAndJson() throws Exception {
        JsonNode ltc = TestVectors.json("hash/stratum_share_ltc29255.json").get("expected");
        String header = ltc.get("header_hex").asText();
        CliRun ok = CliRun.of("verify-share", "--algo", "scrypt", "--header", header, "--difficulty", "1", "--bits", "1d018ea7");
        assertEquals(0, ok.exitCode(), ok.err());
        JsonNode json = JSON.readTree(ok.out());
        assertEquals(ltc.get("scrypt_pow_display").asText(), json.get("hash").asText());
        assertTrue(json.get("shareOk").asBoolean());
        assertTrue(json.get("blockOk").asBoolean());
        CliRun tooHard = CliRun.of("verify-share", "--algo", "scrypt", "--header", header, "--difficulty", "100000");
        assertEquals(1, tooHard.exitCode());
        assertTrue(!JSON.readTree(tooHard.out()).get("shareOk").asBoolean());
        assertTrue(!JSON.readTree(tooHard.out()).has("blockOk"));
        CliRun byTarget = CliRun.of("verify-share", "--algo", "sha256d", "--header", header, "--target",
                "00000000ffff0000000000000000000000000000000000000000000000000000");
        assertEquals(1, byTarget.exitCode());
        assertEquals(2, CliRun.of("verify-share", "--algo", "scrypt", "--header", "00", "--difficulty", "1").exitCode());
        assertEquals(2, CliRun.of("verify-share", "--algo", "nope", "--header", header, "--difficulty", "1").exitCode());
        assertEquals(2, CliRun.of("verify-share", "--algo", "scrypt", "--header", header).exitCode());
    }
}
