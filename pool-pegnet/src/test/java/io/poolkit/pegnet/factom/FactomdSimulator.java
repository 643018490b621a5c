package io.poolkit.pegnet.factom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.poolkit.core.bytes.Hex;
import io.poolkit.core.pow.Sha256d;
import io.poolkit.pegnet.opr.FactomEntry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * A factomd SIMULATOR (not factomd: factomd cannot run here): JSON-RPC 2.0 on loopback answering the v2 calls the
 * pool makes ({@code heights}, {@code current-minute}, {@code chain-head}, {@code entry-block}, {@code entry},
 * {@code commit-entry}, {@code reveal-entry}) in factomd's answer shapes, over a scripted chain. Blocks can be
 * loaded from the recorded real OPR blocks in {@code vectors/pegnet/opr_blocks} (replayed entry by entry), or
 * sealed by the test from scripted entries plus whatever the pool committed and revealed meanwhile. Commits are
 * checked like factomd does: 136 bytes, a valid Ed25519 signature over the first 40 bytes, enough credits; a
 * reveal needs a matching commit.
 */
public final class FactomdSimulator implements AutoCloseable {

    static {
        // The JDK server writes headers and body separately; without TCP_NODELAY each answer waits for a
        // delayed ACK (~20 ms), which makes replaying a 600-entry block take many seconds.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ZEROS = "0".repeat(64);

    private final HttpServer http;
    private final Map<String, FactomEntry> entries = new HashMap<>();
    private final TreeMap<Long, String> blockByHeight = new TreeMap<>();
    private final Map<String, ObjectNode> blocks = new HashMap<>();
    private final Map<String, Integer> commits = new LinkedHashMap<>();
    private final List<FactomEntry> pending = new ArrayList<>();
    private final List<String> calls = new ArrayList<>();
    private final List<FactomEntry> revealed = new ArrayList<>();
    private long height;
    private int minute = 1;
    private int failCommits;
    private String chainHead = ZEROS;
    private String garbage;

    /** Starts on a free loopback port with the saved height {@code height}. */
    public FactomdSimulator(long height) throws IOException {
        this.height = height;
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        http.createContext("/v2", this::handle);
        http.start();
    }

    /** The URL to give the client. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + http.getAddress().getPort() + "/v2");
    }

    /** The saved directory-block height. */
    public synchronized long height() {
        return height;
    }

    /** Sets the minute {@code current-minute} reports. */
    public synchronized void minute(int m) {
        minute = m;
    }

    /** The next {@code n} commits fail with a factomd error. */
    public synchronized void failCommits(int n) {
        failCommits = n;
    }

    /** Every answer is replaced by {@code body} (null: normal answers). */
    public synchronized void answerGarbage(String body) {
        garbage = body;
    }

    /** Method names called, in order. */
    public synchronized List<String> calls() {
        return List.copyOf(calls);
    }

    /** Entries revealed (committed first), in order. */
    public synchronized List<FactomEntry> revealed() {
        return List.copyOf(revealed);
    }

    /**
     * Seals the block at {@code height + 1}: the scripted {@code others} first, then the entries revealed since the
     * last block, on the OPR chain; the saved height advances.
     */
    public synchronized void sealBlock(List<FactomEntry> others) {
        List<FactomEntry> all = new ArrayList<>(others);
        all.addAll(pending);
        pending.clear();
        addBlock(height + 1, all);
    }

    /** Adds a recorded block (e.g. a real one) at {@code at} on the OPR chain; the height moves up to it. */
    public synchronized void addBlock(long at, List<FactomEntry> blockEntries) {
        ObjectNode b = JSON.createObjectNode();
        ObjectNode header = b.putObject("header");
        header.put("blocksequencenumber", blockByHeight.size());
        header.put("chainid", FactomEntry.OPR_CHAIN_ID);
        header.put("prevkeymr", chainHead);
        header.put("dbheight", at);
        header.put("timestamp", 1_600_000_000L + at * 600);
        var list = b.putArray("entrylist");
        for (FactomEntry e : blockEntries) {
            entries.put(e.hashHex(), e);
            list.addObject().put("entryhash", e.hashHex()).put("timestamp", 1_600_000_000L + at * 600);
        }
        String keyMr = Hex.encode(Sha256d.sha256(("simulated eblock " + at + " " + chainHead)
                .getBytes(StandardCharsets.UTF_8)));
        blocks.put(keyMr, b);
        blockByHeight.put(at, keyMr);
        chainHead = keyMr;
        height = Math.max(height, at);
    }

    private synchronized void handle(HttpExchange ex) throws IOException {
        byte[] body;
        try (InputStream in = ex.getRequestBody()) {
            body = in.readNBytes(1 << 20);
        }
        String reply;
        if (garbage != null) {
            reply = garbage;
        } else {
            JsonNode req = JSON.readTree(body);
            String method = req.path("method").asText();
            calls.add(method);
            ObjectNode r = JSON.createObjectNode();
            r.put("jsonrpc", "2.0");
            r.set("id", req.get("id"));
            try {
                r.set("result", answer(method, req.path("params")));
            } catch (SimError e) {
                ObjectNode err = r.putObject("error");
                err.put("code", e.code);
                err.put("message", e.getMessage());
            }
            reply = JSON.writeValueAsString(r);
        }
        byte[] out = reply.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(200, out.length);
        try (OutputStream o = ex.getResponseBody()) {
            o.write(out);
        }
    }

    private static final class SimError extends RuntimeException {
        final int code;

        SimError(int code, String message) {
            super(message);
            this.code = code;
        }
    }

    private JsonNode answer(String method, JsonNode p) {
        ObjectNode r = JSON.createObjectNode();
        switch (method) {
            case "heights" -> {
                r.put("directoryblockheight", height);
                r.put("leaderheight", height + 1);
                r.put("entryblockheight", height);
                r.put("entryheight", height);
            }
            case "current-minute" -> {
                r.put("leaderheight", height + 1);
                r.put("directoryblockheight", height);
                r.put("minute", minute);
            }
            case "chain-head" -> {
                if (!FactomEntry.OPR_CHAIN_ID.equals(p.path("chainid").asText()) || chainHead.equals(ZEROS)) {
                    throw new SimError(-32009, "Missing Chain Head");
                }
                r.put("chainhead", chainHead);
                r.put("chaininprocesslist", !pending.isEmpty());
            }
            case "entry-block" -> {
                ObjectNode b = blocks.get(p.path("keymr").asText());
                if (b == null) {
                    throw new SimError(-32008, "Block not found");
                }
                return b;
            }
            case "entry" -> {
                FactomEntry e = entries.get(p.path("hash").asText());
                if (e == null) {
                    throw new SimError(-32008, "Entry not found");
                }
                r.put("chainid", Hex.encode(e.chainId()));
                r.put("content", Hex.encode(e.content()));
                var ext = r.putArray("extids");
                e.extIds().forEach(x -> ext.add(Hex.encode(x)));
            }
            case "commit-entry" -> {
                byte[] m = Hex.decode(p.path("message").asText());
                if (failCommits > 0) {
                    failCommits--;
                    throw new SimError(-32011, "Repeated Commit");
                }
                if (m.length != 136) {
                    throw new SimError(-32602, "Invalid params: commit message is not 136 bytes");
                }
                Ed25519Signer v = new Ed25519Signer();
                v.init(false, new Ed25519PublicKeyParameters(m, 40));
                v.update(m, 0, 40);
                if (!v.verifySignature(Arrays.copyOfRange(m, 72, 136))) {
                    throw new SimError(-32602, "Invalid params: bad commit signature");
                }
                String entryHash = Hex.encode(Arrays.copyOfRange(m, 7, 39));
                commits.put(entryHash, m[39] & 0xff);
                r.put("message", "Entry Commit Success");
                r.put("txid", Hex.encode(Sha256d.sha256(Arrays.copyOf(m, 40))));
                r.put("entryhash", entryHash);
            }
            case "reveal-entry" -> {
                FactomEntry e = unmarshal(Hex.decode(p.path("entry").asText()));
                Integer paid = commits.remove(e.hashHex());
                if (paid == null) {
                    throw new SimError(-32602, "Invalid params: no commit for entry " + e.hashHex());
                }
                if (paid < EntryCommit.credits(e)) {
                    throw new SimError(-32602, "Invalid params: commit paid " + paid + " credits");
                }
                pending.add(e);
                revealed.add(e);
                r.put("message", "Entry Reveal Success");
                r.put("entryhash", e.hashHex());
                r.put("chainid", Hex.encode(e.chainId()));
            }
            default -> throw new SimError(-32601, "Method not found");
        }
        return r;
    }

    private static FactomEntry unmarshal(byte[] b) {
        if (b.length < 35 || b[0] != 0) {
            throw new SimError(-32602, "Invalid params: not an entry");
        }
        byte[] chain = Arrays.copyOfRange(b, 1, 33);
        int extLen = ((b[33] & 0xff) << 8) | (b[34] & 0xff);
        int pos = 35;
        List<byte[]> ext = new ArrayList<>();
        while (pos < 35 + extLen) {
            int n = ((b[pos] & 0xff) << 8) | (b[pos + 1] & 0xff);
            ext.add(Arrays.copyOfRange(b, pos + 2, pos + 2 + n));
            pos += 2 + n;
        }
        return new FactomEntry(chain, ext, Arrays.copyOfRange(b, pos, b.length));
    }

    @Override
    public void close() {
        http.stop(0);
    }
}
