package io.poolkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code poolkit qtum ...} against the qtum vectors in ../shared/vectors. */
class QtumCommandTest {

    @TempDir
    Path dir;

    private static Path vectors() {
        String configured = System.getProperty("poolkit.vectors.dir", System.getenv("POOLKIT_VECTORS_DIR"));
        return (configured != null ? Path.of(configured) : Path.of("..", "shared", "vectors")).resolve("qtum");
    }

    @Test
    void addressMainnetAndTestnet() {
        CliRun main = CliRun.of("qtum", "address", "03eb7062315dd132fb1c6cea6b629be85e6df23f40adc284b83db3a7fdc3d41d6d");
        assertEquals(0, main.exitCode(), main.err());
        assertEquals("QYScv2vMxceXdTSqNtkahU92GJrEtafVMR", main.out().strip());
        CliRun test = CliRun.of("qtum", "address", "--testnet",
                "039b33555fe9dcb13c8585034715555e4f40ad7bc12723c46d5e476dfebba345a2");
        assertEquals("qMUR738THXBXABfx1Rk6iWtiStEPtQKWYK", test.out().strip());
        CliRun bad = CliRun.of("qtum", "address", "05aa");
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("public key"), bad.err());
    }

    @Test
    void splitPpmAndExactMatchTheWorkedExample() throws Exception {
        Path w = dir.resolve("weights.csv");
        Files.writeString(w, "address,weight_sats\nQA,35000000000\nQB,100000000000\n");
        CliRun ppm = CliRun.of("qtum", "split", "--reward-sats", "50123457", "--weights", w.toString(), "--rounding", "ppm");
        assertEquals(0, ppm.exitCode(), ppm.err());
        assertEquals(List.of("QA,35000000000,12994970", "QB,100000000000,37128487", "total,135000000000,50123457"),
                ppm.out().strip().lines().toList());
        Files.writeString(w, "QX,1\nQY,1\n");
        CliRun tiePpm = CliRun.of("qtum", "split", "--reward-sats", "5", "--weights", w.toString(), "--rounding", "ppm");
        assertEquals(List.of("QX,1,2", "QY,1,2", "total,2,4"), tiePpm.out().strip().lines().toList());
        CliRun tieExact = CliRun.of("qtum", "split", "--reward-sats", "5", "--weights", w.toString());
        assertEquals(List.of("QX,1,3", "QY,1,2", "total,2,5"), tieExact.out().strip().lines().toList());
        CliRun badMode = CliRun.of("qtum", "split", "--reward-sats", "5", "--weights", w.toString(), "--rounding", "up");
        assertEquals(2, badMode.exitCode());
        assertTrue(badMode.err().contains("exact or ppm"), badMode.err());
    }

    @Test
    void payoutPlanOfThePpmSample() {
        CliRun r = CliRun.of("qtum", "payout-plan", "--poolshare", vectors().resolve("ppm/683567poolshare.csv").toString(),
                "--pool-fee", "12");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("threshold 113636 sats"), r.out());
        assertTrue(r.out().contains("pay QHd3raPTT2cbzZUVZUooxSTPNkV6ucRZRc 2230787696 22.30787696"), r.out());
        assertTrue(r.out().contains("revenue 3297551908"), r.out());
    }

    @Test
    void importPpmSampleSaysItsAddressesAreFake() {
        CliRun r = CliRun.of("qtum", "import-ppm", vectors().resolve("ppm").toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.out().contains("block 683567: 4 delegates"), r.out());
        assertTrue(r.err().contains("nothing imported"), r.err());
        assertTrue(r.err().contains("made-up address"), r.err());
        assertTrue(r.err().contains("QUXM5s6exwXZoUQQXSvVeyrGGhoo5ZKCE2"), r.err());
    }

    @Test
    void importPpmValidDirectoryIntoTheLedgerOnce() throws Exception {
        Path ppm = dir.resolve("ppm");
        Files.createDirectories(ppm);
        String cfg = Files.readString(vectors().resolve("ppm/PPMConfig.txt"), java.nio.charset.StandardCharsets.ISO_8859_1)
                .replace("QPooLGGp2FodAN1PpqvB7iLNK7kD3gSeko", "QYScv2vMxceXdTSqNtkahU92GJrEtafVMR");
        Files.writeString(ppm.resolve("PPMConfig.txt"), cfg, java.nio.charset.StandardCharsets.ISO_8859_1);
        Files.writeString(ppm.resolve("currentpoolshare.csv"), "block,700000,poolbalance,2600000000,\r\npoolrevenue,5,\r\n"
                + "delegate,QYScv2vMxceXdTSqNtkahU92GJrEtafVMR,poolshare,1359008,\r\n"
                + "delegate,QaZv1JjxkKomiG6tJcooKfAod3NDGtnLKa,poolshare,2534986018,\r\n"
                + "delegate,QLhU3dcrcBkRUYkRFWoQT5SvGSLq6ZFDRv,poolshare,0,\r\n");
        String db = dir.resolve("pool.db").toString();
        CliRun first = CliRun.of("qtum", "import-ppm", ppm.toString(), "--db", db);
        assertEquals(0, first.exitCode(), first.err());
        assertTrue(first.out().contains("block 700000: 3 delegates, 2536345026 sats accrued"), first.out());
        assertTrue(first.out().contains("imported into " + db + " as batch ppm-import:700000"), first.out());
        CliRun again = CliRun.of("qtum", "import-ppm", ppm.toString(), "--db", db);
        assertTrue(again.out().contains("already imported"), again.out());
    }

    @Test
    void helpHasExamples() {
        CliRun r = CliRun.of("qtum", "--help");
        assertEquals(0, r.exitCode());
        assertTrue(r.out().contains("Examples:"), r.out());
    }

    @Test
    void statusReadsTheWatcherState() throws Exception {
        Files.writeString(dir.resolve("currentpoolshare.csv"), "block,700000,poolbalance,2600000000,\npoolrevenue,5,\n"
                + "delegate,QYScv2vMxceXdTSqNtkahU92GJrEtafVMR,poolshare,1359008,\n"
                + "delegate,QaZv1JjxkKomiG6tJcooKfAod3NDGtnLKa,poolshare,2534986018,\n"
                + "delegate,QLhU3dcrcBkRUYkRFWoQT5SvGSLq6ZFDRv,poolshare,0,\n");
        CliRun r = CliRun.of("qtum", "status", "--data", dir.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("block 700000 poolbalance 2600000000 poolrevenue 5 delegates 3 accrued 2536345026", r.out().strip());
        assertEquals(1, CliRun.of("qtum", "status", "--data", dir.resolve("none").toString()).exitCode());
    }

    /** Plumbing only (config, RPC, state file): a one-method JSON-RPC stand-in answers getblockcount. */
    @Test
    void watchOnceReadsTheConfigAndPollsTheNode() throws Exception {
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            String req = new String(ex.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            long id = new com.fasterxml.jackson.databind.ObjectMapper().readTree(req).get("id").asLong();
            byte[] body = ("{\"result\":700005,\"error\":null,\"id\":" + id + "}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            ex.sendResponseHeaders(req.contains("getblockcount") ? 200 : 500, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        try {
            Path yml = dir.resolve("qtum.yml");
            Files.writeString(yml, "chain: testnet\nrpc: http://127.0.0.1:" + server.getAddress().getPort() + "/\n"
                    + "staker: qPooLFFk2BT3i9yKApjeJhuYjYKWHmuCdq\ndataDir: " + dir.resolve("data") + "\nstartHeight: 700000\n");
            CliRun r = CliRun.of("qtum", "watch", "--config", yml.toString(), "--once");
            assertEquals(0, r.exitCode(), r.err());
            assertEquals("last processed 700000", r.out().strip());
            Files.writeString(yml, "chain: testnet\nrpc: http://127.0.0.1:1/\nstaker: QPooLGGp2FodAN1PpqvB7iLNK7kD3gSeko\n"
                    + "dataDir: " + dir.resolve("data") + "\n");
            CliRun bad = CliRun.of("qtum", "watch", "--config", yml.toString(), "--once");
            assertEquals(2, bad.exitCode());
            assertTrue(bad.err().contains("QPooLGGp2FodAN1PpqvB7iLNK7kD3gSeko"), bad.err());
        } finally {
            server.stop(0);
        }
    }

    /** A wallet stand-in that records walletpassphrase and sendmany (the full simulator lives in pool-qtum's tests). */
    @Test
    void payoutOncePerRunKey() throws Exception {
        List<String> calls = new java.util.concurrent.CopyOnWriteArrayList<>();
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            com.fasterxml.jackson.databind.JsonNode req = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(ex.getRequestBody());
            String method = req.get("method").asText();
            calls.add(method + " " + req.get("params"));
            String result = method.equals("sendmany") ? "\"9680fc5c54348a94989ede373e16475bc7c321b818d1c5ff324547627f4751b7\"" : "null";
            byte[] body = ("{\"result\":" + result + ",\"error\":null,\"id\":" + req.get("id") + "}")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        List<String> hooks = new java.util.concurrent.CopyOnWriteArrayList<>();
        server.createContext("/hook", ex -> {
            hooks.add(new String(ex.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        server.start();
        try {
            String db = dir.resolve("pool.db").toString();
            try (io.poolkit.core.ledger.LedgerStore ledger = io.poolkit.core.ledger.LedgerStore.open(
                    io.poolkit.core.ledger.LedgerConfig.of(db))) {
                ledger.credits().credit("qtum", "test:shares", "PPMU", List.of(
                        new io.poolkit.core.ledger.CreditLine("qMUR738THXBXABfx1Rk6iWtiStEPtQKWYK",
                                io.poolkit.core.ledger.CreditKind.WEIGHT, 2_534_986_018L),
                        new io.poolkit.core.ledger.CreditLine("qUXM5s6exwXZoUQQXSvVeyrGGhoo5ZKCE2",
                                io.poolkit.core.ledger.CreditKind.WEIGHT, 113_635L)));
            }
            Path yml = dir.resolve("qtum.yml");
            Files.writeString(yml, "chain: testnet\nrpc: http://127.0.0.1:" + server.getAddress().getPort() + "/\n"
                    + "staker: qPooLFFk2BT3i9yKApjeJhuYjYKWHmuCdq\ndataDir: " + dir.resolve("data") + "\nledger: " + db
                    + "\npoolFee: 12\nminimumPayoutSats: 100000\nhost: LD18\ndoNotDisturb: [0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0]\n"
                    + "webhookUrl: http://127.0.0.1:" + server.getAddress().getPort() + "/hook\n");
            Path pass = dir.resolve("pass");
            Files.writeString(pass, "insecurePassphrase\n");
            CliRun r = CliRun.of("qtum", "payout", "--config", yml.toString(), "--passphrase-file", pass.toString(),
                    "--run-key", "2021-03-06");
            assertEquals(0, r.exitCode(), r.err());
            assertEquals("paid 1 delegates 2230787696 sats in 1 sendmany; carried over 1; revenue 304198322", r.out().strip());
            assertEquals(3, calls.size(), calls.toString());
            assertTrue(calls.get(1).startsWith("sendmany [\"\",{\"qMUR738THXBXABfx1Rk6iWtiStEPtQKWYK\":\"22.30787696\"}"), calls.get(1));
            assertTrue(calls.get(2).contains("99999999,true"), calls.get(2));
            // the payout summary went to the webhook, the 300 rows to today's daily log
            assertEquals(1, hooks.size());
            assertEquals("1paid 22.31revenue 3.04", new com.fasterxml.jackson.databind.ObjectMapper().readTree(hooks.get(0))
                    .get("body").asText());
            List<Path> logs;
            try (java.util.stream.Stream<Path> files = Files.list(dir.resolve("data").resolve("logs"))) {
                logs = files.toList();
            }
            assertEquals(1, logs.size());
            assertTrue(logs.get(0).getFileName().toString().matches("PPM_Log_\\d{4}_\\d{2}_\\d{2}\\.csv"), logs.toString());
            List<String> log = Files.readAllLines(logs.get(0));
            assertEquals(List.of("300,payout,carryovers,1,sendmanyAmount,22.30787696",
                    "300,total,sendmanys,1,numDelegatesPaid,1,totalPaid,22.30787696,intsatspoolRevenue,304198322"), log);
            CliRun again = CliRun.of("qtum", "payout", "--config", yml.toString(), "--passphrase-file", pass.toString(),
                    "--run-key", "2021-03-06");
            assertEquals("paid 0 delegates 0 sats in 0 sendmany; carried over 1; revenue 0", again.out().strip());
            assertTrue(calls.stream().filter(c -> c.startsWith("sendmany")).count() == 1);
        } finally {
            server.stop(0);
        }
    }
}
