package io.poolkit.packetcrypt.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.poolkit.core.bytes.Bytes;
import io.poolkit.core.bytes.Hex;
import io.poolkit.packetcrypt.Vectors;
import io.poolkit.packetcrypt.http.Jsons;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A pktd <em>simulator</em> (not pktd: pktd cannot run here): JSON-RPC over HTTP on loopback that
 * plays a scripted PKT chain built from the recorded vectors in
 * ../shared/vectors/packetcrypt/pcp_block_vectors.json. Block 497731 is the real block the vector
 * announcements were mined on (its real hash); 497732 and 497733 have made-up hashes; 497734's hash
 * is the previous-block hash of the vector share, and the template for 497735 is the vector's work
 * template (header, coinbase with the fc pattern, empty branch). Answers getbestblockhash,
 * getrawblocktemplate (pktd's names and fields), getblockheader, checkpcshare, submitblock and
 * configureminingpayouts, and records every call.
 */
public final class PktdSimulator implements AutoCloseable {

    public static final int FIRST = 497731;
    public static final int SHARE_HEIGHT = 497735;

    private final HttpServer http;
    private final TreeMap<Integer, String> hashesDisplay = new TreeMap<>();
    private volatile int tip = FIRST;
    private final List<JsonNode> calls = Collections.synchronizedList(new ArrayList<>());
    private volatile String checkpcshareAnswer = "OK";
    private final java.util.concurrent.atomic.AtomicInteger failPayouts = new java.util.concurrent.atomic.AtomicInteger();

    public PktdSimulator() throws IOException {
        JsonNode common = Vectors.pcp().get("common");
        JsonNode share = Vectors.pcp().get("vectors").get("share");
        hashesDisplay.put(FIRST, common.get("parent_block_hash_display").asText());
        hashesDisplay.put(FIRST + 1, "11".repeat(32));
        hashesDisplay.put(FIRST + 2, "22".repeat(32));
        byte[] prev = java.util.Arrays.copyOfRange(Vectors.hex(share.get("header_hex")), 4, 36);
        hashesDisplay.put(FIRST + 3, Hex.encode(Bytes.reversed(prev)));
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        http.createContext("/", ex -> {
            try (ex) {
                JsonNode req = Jsons.MAPPER.readTree(ex.getRequestBody().readAllBytes());
                calls.add(req);
                ObjectNode resp = Jsons.MAPPER.createObjectNode();
                resp.set("id", req.get("id"));
                try {
                    resp.set("result", answer(req.path("method").asText(), req.path("params")));
                    resp.putNull("error");
                } catch (IllegalArgumentException e) {
                    resp.putNull("result");
                    resp.putObject("error").put("code", -5).put("message", e.getMessage());
                }
                byte[] body = Jsons.write(resp).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                ex.getResponseHeaders().set("Content-Type", "application/json");
                ex.sendResponseHeaders(200, body.length);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(body);
                }
            }
        });
        http.start();
    }

    public String url() {
        return "http://127.0.0.1:" + http.getAddress().getPort();
    }

    /** Mines the next scripted block. */
    public void advance() {
        tip++;
    }

    public int tip() {
        return tip;
    }

    public String hashDisplay(int height) {
        return hashesDisplay.get(height);
    }

    public void answerCheckPcShare(String answer) {
        checkpcshareAnswer = answer;
    }

    /** The next {@code n} configureminingpayouts calls are refused. */
    public void failNextPayouts(int n) {
        failPayouts.set(n);
    }

    public List<JsonNode> calls(String method) {
        synchronized (calls) {
            return calls.stream().filter(c -> method.equals(c.path("method").asText())).toList();
        }
    }

    private JsonNode answer(String method, JsonNode params) {
        switch (method) {
            case "getbestblockhash":
                return Jsons.MAPPER.getNodeFactory().textNode(hashesDisplay.get(tip));
            case "getrawblocktemplate":
                return template(tip + 1);
            case "getblockheader": {
                String hash = params.path(0).asText();
                for (Map.Entry<Integer, String> e : hashesDisplay.entrySet()) {
                    if (e.getValue().equals(hash) && e.getKey() <= tip) {
                        ObjectNode h = Jsons.MAPPER.createObjectNode();
                        h.put("hash", hash).put("confirmations", tip - e.getKey() + 1).put("height", e.getKey())
                                .put("version", 536870912).put("difficulty", 0.001 * (e.getKey() - FIRST + 1));
                        if (e.getKey() < tip) {
                            h.put("nextblockhash", hashesDisplay.get(e.getKey() + 1));
                        }
                        return h;
                    }
                }
                throw new IllegalArgumentException("Block not found");
            }
            case "checkpcshare":
                return Jsons.MAPPER.getNodeFactory().textNode(checkpcshareAnswer);
            case "submitblock":
                return Jsons.MAPPER.getNodeFactory().nullNode();
            case "configureminingpayouts":
                if (failPayouts.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    throw new IllegalArgumentException("payout configuration refused");
                }
                return Jsons.MAPPER.getNodeFactory().nullNode();
            default:
                throw new IllegalArgumentException("Method not found: " + method);
        }
    }

    private JsonNode template(int height) {
        JsonNode wt = Vectors.pcp().get("common").get("work_template");
        byte[] header = Vectors.hex(wt.get("header_hex"));
        // The vector template is for 497735; other heights get the same header on their own parent.
        byte[] prev = Bytes.reversed(Hex.decode(hashesDisplay.get(height - 1)));
        System.arraycopy(prev, 0, header, 4, 32);
        ObjectNode t = Jsons.MAPPER.createObjectNode();
        t.put("height", height);
        t.put("header", Hex.encode(header));
        t.put("coinbase_no_witness", wt.get("coinbase_no_witness_hex").asText());
        t.putArray("merklebranch");
        t.putArray("transactions");
        return t;
    }

    @Override
    public void close() {
        http.stop(0);
    }
}
