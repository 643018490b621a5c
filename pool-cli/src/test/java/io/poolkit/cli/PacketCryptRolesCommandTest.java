package io.poolkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code poolkit packetcrypt master|ann|blk|paymaker}: config errors, and a PayMaker run from pool.yml. */
class PacketCryptRolesCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static String poolYml(Path dir) {
        return "paymakerHttpPasswd: cli test password\n"
                + "master: {url: 'http://127.0.0.1:1', port: 0}\n"
                + "annHandlers:\n  - {url: 'http://127.0.0.1:2', port: 0}\n"
                + "blkHandlers:\n  - {url: 'http://127.0.0.1:3', port: 0}\n"
                + "payMaker:\n  url: 'http://127.0.0.1:4'\n  port: 0\n  updateCycle: 0\n"
                + "  defaultAddress: p8f44rSwu8cRruQ5fg9bfgpHTRNxYxWpfC\n"
                + "  ledger: '" + dir.resolve("ledger.db") + "'\n";
    }

    @Test
    void thePayMakerRunsFromPoolYmlAndStopsWithItsStatus(@TempDir Path dir) throws Exception {
        Path cfg = dir.resolve("pool.yml");
        Files.writeString(cfg, poolYml(dir));
        // Run for 3 s; meanwhile post to it as a handler would.
        java.io.StringWriter out = new java.io.StringWriter();
        picocli.CommandLine cl = PoolkitCommand.newCommandLine();
        java.io.PrintWriter pw = new java.io.PrintWriter(out, true);
        cl.setOut(pw);
        CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() ->
                cl.execute("packetcrypt", "paymaker", "--config", cfg.toString(), "--seconds", "3"));
        String url = null;
        for (int i = 0; i < 100 && url == null; i++) {
            Matcher m = Pattern.compile("started paymaker on (http://\\S+)").matcher(out.toString());
            if (m.find()) {
                url = m.group(1);
            } else {
                Thread.sleep(50);
            }
        }
        assertTrue(url != null, out.toString());
        String auth = "Basic " + Base64.getEncoder().encodeToString("x:cli test password".getBytes());
        String event = "{\"type\":\"block\",\"hash\":\"" + "ab".repeat(32) + "\",\"height\":5,\"difficulty\":1,"
                + "\"time\":1000,\"eventId\":\"b1\"}\n";
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "/events"))
                .header("Authorization", auth).POST(HttpRequest.BodyPublishers.ofString(event)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        HttpResponse<String> bad = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "/events"))
                .POST(HttpRequest.BodyPublishers.ofString(event)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, bad.statusCode());
        assertEquals(0, run.get());
        String[] lines = out.toString().strip().split("\n");
        JsonNode status = JSON.readTree(lines[lines.length - 1]);
        assertEquals("paymaker", status.get("role").asText());
        assertEquals(1, status.get("logsAccepted").asInt());
        assertEquals(1, status.get("unauthorized").asInt());
        assertEquals(1, status.get("blocks").asInt());
        assertFalse(out.toString().contains("cli test password"), "the password is never printed");
    }

    @Test
    void configMistakesAreReportedWithTheFieldName(@TempDir Path dir) throws Exception {
        Path cfg = dir.resolve("pool.yml");
        Files.writeString(cfg, poolYml(dir).replace("master: {url: 'http://127.0.0.1:1', port: 0}\n", ""));
        CliRun r = CliRun.of("packetcrypt", "master", "--config", cfg.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("master.url is required"), r.err());
        Files.writeString(cfg, poolYml(dir) + "surprise: 1\n");
        CliRun unknown = CliRun.of("packetcrypt", "paymaker", "--config", cfg.toString());
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().contains("surprise"), unknown.err());
        Files.writeString(cfg, poolYml(dir));
        CliRun noHandler = CliRun.of("packetcrypt", "ann", "--config", cfg.toString(), "--index", "3");
        assertEquals(2, noHandler.exitCode());
        assertTrue(noHandler.err().contains("no handler 3"), noHandler.err());
        CliRun missing = CliRun.of("packetcrypt", "blk", "--config", dir.resolve("nope.yml").toString());
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("cannot read"), missing.err());
    }

    @Test
    void helpNamesTheFourRoles() {
        String help = CliRun.of("packetcrypt", "--help").out();
        for (String role : new String[] {"master", "ann", "blk", "paymaker"}) {
            assertTrue(help.contains(role), help);
        }
    }
}
