package io.poolkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class AddressAndTargetCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void helpListsTheWorkingCommandsAndVersionPrints() {
        CliRun help = CliRun.of("--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.out().contains("address"), help.out());
        assertTrue(help.out().contains("target"), help.out());
        CliRun version = CliRun.of("--version");
        assertEquals(0, version.exitCode());
        assertTrue(version.out().startsWith("poolkit "), version.out());
        for (String command : new String[] {"address", "target"}) {
            assertTrue(CliRun.of(command, "--help").out().contains("Example"), command);
        }
    }

    @Test
    void fromPubkeyPrintsTheAddress() {
        CliRun run = CliRun.of("address", "from-pubkey", "--network", "qtum-testnet",
                "039b33555fe9dcb13c8585034715555e4f40ad7bc12723c46d5e476dfebba345a2");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("qMUR738THXBXABfx1Rk6iWtiStEPtQKWYK", run.out().strip());
    }

    @Test
    void fromPubkeyRejectsBadInputWithExitTwo() {
        CliRun badHex = CliRun.of("address", "from-pubkey", "--network", "qtum-main", "03zz");
        assertEquals(2, badHex.exitCode());
        assertTrue(badHex.err().contains("bad hex character"), badHex.err());
        CliRun badNetwork = CliRun.of("address", "from-pubkey", "--network", "nonet", "03");
        assertEquals(2, badNetwork.exitCode());
        assertTrue(badNetwork.err().contains("qtum-main"), badNetwork.err());
    }

    @Test
    void validateExitsZeroOrOneWithTheReason() {
        CliRun ok = CliRun.of("address", "validate", "--network", "qtum-main", "QYScv2vMxceXdTSqNtkahU92GJrEtafVMR");
        assertEquals(0, ok.exitCode());
        CliRun bad = CliRun.of("address", "validate", "--network", "qtum-main", "QPooLGGp2FodAN1PpqvB7iLNK7kD3gSeko");
        assertEquals(1, bad.exitCode());
        assertTrue(bad.err().contains("bad checksum"), bad.err());
        CliRun wrongNet = CliRun.of("address", "validate", "--network", "qtum-testnet", "QYScv2vMxceXdTSqNtkahU92GJrEtafVMR");
        assertEquals(1, wrongNet.exitCode());
        assertTrue(wrongNet.err().contains("qtum-main"), wrongNet.err());
    }

    @Test
    void decodePrintsNetworksKindVersionPayload() throws Exception {
        CliRun segwit = CliRun.of("address", "decode", "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4");
        assertEquals(0, segwit.exitCode(), segwit.err());
        JsonNode sw = JSON.readTree(segwit.out());
        assertEquals("p2wpkh", sw.get("kind").asText());
        assertEquals("bech32", sw.get("encoding").asText());
        assertEquals("bitcoin-main", sw.get("networks").get(0).asText());
        assertEquals("0014751e76e8199196d454941c45d1b3a323f1433bd6", sw.get("scriptHex").asText());
        CliRun legacy = CliRun.of("address", "decode", "QYScv2vMxceXdTSqNtkahU92GJrEtafVMR");
        assertEquals(0, legacy.exitCode(), legacy.err());
        JsonNode json = JSON.readTree(legacy.out());
        assertEquals("qtum-main", json.get("networks").get(0).asText());
        assertEquals("p2pkh", json.get("kind").asText());
        assertEquals(0x3a, json.get("version").asInt());
        assertEquals("81dc12de2866ea89a44b06ec58a01c604a3bae1b", json.get("payloadHex").asText());
        CliRun garbage = CliRun.of("address", "decode", "not-an-address");
        assertEquals(1, garbage.exitCode());
        assertTrue(garbage.err().contains("bad Base58 character"), garbage.err());
    }

    @Test
    void targetFromBitsTargetAndDifficulty() throws Exception {
        JsonNode bits = JSON.readTree(CliRun.of("target", "--bits", "1b0404cb").out());
        assertEquals("00000000000404cb000000000000000000000000000000000000000000000000", bits.get("target").asText());
        assertEquals(16307.420938523983, bits.get("difficulty").asDouble(), 1e-9);
        JsonNode fromTarget = JSON.readTree(CliRun.of("target", "--target", bits.get("target").asText()).out());
        assertEquals("1b0404cb", fromTarget.get("bits").asText());
        JsonNode scrypt = JSON.readTree(CliRun.of("target", "--difficulty", "0.001", "--algo", "scrypt").out());
        assertEquals("03e7fc1800000000000000000000000000000000000000000000000000000000", scrypt.get("target").asText());
        assertEquals(0.001, scrypt.get("difficulty").asDouble());
        JsonNode sha = JSON.readTree(CliRun.of("target", "--difficulty", "100").out());
        assertEquals("00000000028f5999999999999999999999999999999999999999999999999999", sha.get("target").asText());
    }

    @Test
    void targetRejectsBadInput() {
        assertEquals(2, CliRun.of("target", "--bits", "xyz").exitCode());
        assertEquals(2, CliRun.of("target", "--difficulty", "-3").exitCode());
        assertEquals(2, CliRun.of("target", "--target", "00").exitCode());
        assertEquals(2, CliRun.of("target").exitCode());
        assertEquals(2, CliRun.of("target", "--bits", "1d00ffff", "--difficulty", "1").exitCode());
        assertEquals(2, CliRun.of("target", "--bits", "1d00ffff", "--algo", "sha512").exitCode());
    }
}
