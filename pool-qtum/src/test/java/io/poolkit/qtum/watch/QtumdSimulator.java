package io.poolkit.qtum.watch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.poolkit.core.address.Addresses;
import io.poolkit.core.address.Networks;
import io.poolkit.core.bytes.Hex;
import io.poolkit.core.testing.TestVectors;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A qtumd SIMULATOR (not a real node): a JSON-RPC server on loopback that answers the calls the
 * watcher makes from the recorded real responses in {@code ../shared/vectors/qtum/rpc}, re-stamped
 * for a scripted chain. Blocks are scripted by kind (our pool block, our self stake, someone else's
 * delegated block, someone else's block, proof of work); the tip can be reorganised and the node can
 * be taken down (every call then fails with HTTP 503). Its wallet keeps the sends it made and lists them
 * with listtransactions/gettransaction in bitcoind's shape (qtumd's wallet is bitcoind's; no recorded
 * answer of these calls exists in the vectors). getstakinginfo, getwalletinfo and getconnectioncount
 * answer from the recorded responses, with staking and the connection count scriptable.
 */
final class QtumdSimulator implements AutoCloseable {

    enum Kind { POOL, SELF, OTHER_POD, OTHER, POW }

    record SimBlock(int height, String hash, Kind kind, long rewardSats, boolean addrindex) {
    }

    static final String MY_STAKER = "qPooLFFk2BT3i9yKApjeJhuYjYKWHmuCdq";
    static final String OTHER_STAKER = "qMUR738THXBXABfx1Rk6iWtiStEPtQKWYK";
    static final long STAKER_INPUT = 11_840_000_000L;
    /** The simulated wallet's passphrase. */
    static final String WALLET_PASSPHRASE = "pp";

    static {
        // without TCP_NODELAY the JDK server's header and body segments meet delayed ACKs: 40 ms a call
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final JsonNode blockTemplate = TestVectors.json("qtum/rpc/ppm_getblock_633000_testnet_partial.json").get("result");
    private final JsonNode coinstakeTemplate =
            TestVectors.json("qtum/rpc/ppm_getrawtransaction_coinstake_660890_testnet.json").get("result");
    private final JsonNode prevoutTemplate = TestVectors.json("qtum/rpc/ppm_getrawtransaction_prevout_fragments_testnet.json")
            .get("p2pkh_vout_with_addresses_array");
    private final JsonNode delegationsRecorded =
            TestVectors.json("qtum/rpc/ppm_getdelegationsforstaker_testnet_2020.json").get("result");

    private final HttpServer server;
    private final String user;
    private final String password;
    private final Map<Integer, SimBlock> chain = new ConcurrentHashMap<>();
    private final Map<String, List<long[]>> utxos = new ConcurrentHashMap<>();
    private final Map<String, Integer> calls = new ConcurrentHashMap<>();
    private final AtomicInteger reorgs = new AtomicInteger();
    private final List<JsonNode> walletCalls = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final JsonNode sendmanyRecorded = TestVectors.json("qtum/rpc/ppm_sendmany_example.json");
    private final JsonNode stakingInfoRecorded =
            TestVectors.json("qtum/rpc/ppm_getstakinginfo_v0.20.1_testnet.json").get("result");
    private final JsonNode getinfoRecorded = TestVectors.json("qtum/rpc/ppm_getinfo_v0.19.1_testnet.json").get("result");
    private final JsonNode walletInfoRecorded =
            TestVectors.json("qtum/rpc/issue926_getstakinginfo_getwalletinfo_mainnet_2021.json").get("getwalletinfo");
    /** Sends the wallet made: txid, label (comment), amounts in QTUM text, time. */
    record SimSend(String txid, String label, Map<String, String> amounts, long unixTime) {
    }

    private final List<SimSend> sends = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile int tip;
    private volatile boolean down;
    private volatile boolean staking = true;
    private volatile String garbageFor = "";
    private volatile int connections = -1;

    QtumdSimulator(String user, String password) throws IOException {
        this.user = user;
        this.password = password;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    /** The recorded delegations (fee 100) plus a synthetic fee-10 one that the pool must ignore. */
    List<String[]> delegations() {
        List<String[]> out = new ArrayList<>();
        for (JsonNode d : delegationsRecorded) {
            out.add(new String[] {d.get("delegate").asText(), d.get("fee").asText()});
        }
        out.add(new String[] {"qXvhQSUpmv7Hm6wMpWB6ooohTBVg3aATgo", "10"});
        return out;
    }

    void setUtxos(String delegate, List<long[]> satsAndHeight) {
        utxos.put(delegate, List.copyOf(satsAndHeight));
    }

    List<long[]> utxos(String delegate) {
        return utxos.getOrDefault(delegate, List.of());
    }

    static String hashOf(int height, int version) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(
                    ("sim-block-" + height + "-" + version).getBytes(StandardCharsets.US_ASCII));
            return Hex.encode(h);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Appends a block at tip + 1. */
    SimBlock mine(Kind kind, long rewardSats, boolean addrindex) {
        int h = tip + 1;
        SimBlock b = new SimBlock(h, hashOf(h, reorgs.get()), kind, rewardSats, addrindex);
        chain.put(h, b);
        tip = h;
        return b;
    }

    void setTip(int height) {
        tip = height;
    }

    int tip() {
        return tip;
    }

    /** Replaces the block at {@code height} (a reorg) with a new hash and kind. */
    SimBlock reorg(int height, Kind kind, long rewardSats) {
        SimBlock b = new SimBlock(height, hashOf(height, reorgs.incrementAndGet()), kind, rewardSats, true);
        chain.put(height, b);
        return b;
    }

    SimBlock block(int height) {
        return chain.get(height);
    }

    /** Makes {@code method} answer a string instead of its result (a hostile or broken node); "" for none. */
    void setGarbage(String method) {
        this.garbageFor = method;
    }

    /** Makes getstakinginfo say {@code staking: staking}. */
    void setStaking(boolean staking) {
        this.staking = staking;
    }

    /** Makes getconnectioncount answer {@code n} (default: the recorded getinfo's 9). */
    void setConnections(int n) {
        this.connections = n;
    }

    void setDown(boolean down) {
        this.down = down;
    }

    /** The sends the simulated wallet made. */
    List<SimSend> sends() {
        return List.copyOf(sends);
    }

    /** walletpassphrase and sendmany calls in order, as {method, params}. */
    List<JsonNode> walletCalls() {
        return List.copyOf(walletCalls);
    }

    int calls(String method) {
        return calls.getOrDefault(method, 0);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            if (down) {
                send(ex, 503, "qtumd simulator is down");
                return;
            }
            String expected = "Basic " + Base64.getEncoder().encodeToString(
                    (user + ":" + password).getBytes(StandardCharsets.UTF_8));
            if (!expected.equals(ex.getRequestHeaders().getFirst("Authorization"))) {
                send(ex, 401, "");
                return;
            }
            JsonNode req = JSON.readTree(ex.getRequestBody());
            ObjectNode reply = JSON.createObjectNode();
            reply.set("id", req.get("id"));
            String method = req.path("method").asText();
            calls.merge(method, 1, Integer::sum);
            if (method.equals(garbageFor)) {
                reply.put("result", "\u0000garbage").putNull("error");
                send(ex, 200, JSON.writeValueAsString(reply));
                return;
            }
            try {
                reply.set("result", answer(method, req.path("params")));
                reply.putNull("error");
                send(ex, 200, JSON.writeValueAsString(reply));
            } catch (SimError e) {
                reply.putNull("result");
                reply.putObject("error").put("code", e.code).put("message", e.getMessage());
                send(ex, 500, JSON.writeValueAsString(reply));
            }
        }
    }

    private static final class SimError extends RuntimeException {
        final int code;

        SimError(int code, String message) {
            super(message);
            this.code = code;
        }
    }

    private JsonNode answer(String method, JsonNode params) {
        switch (method) {
            case "getblockcount":
                return JSON.getNodeFactory().numberNode(tip);
            case "getblockhash": {
                int h = params.get(0).asInt();
                if (h > tip || !chain.containsKey(h)) {
                    throw new SimError(-8, "Block height out of range");
                }
                return JSON.getNodeFactory().textNode(chain.get(h).hash());
            }
            case "getblock":
                return getblock(params.get(0).asText());
            case "getrawtransaction":
                return getrawtransaction(params.get(0).asText());
            case "getdelegationsforstaker": {
                ArrayNode out = JSON.createArrayNode();
                if (!params.get(0).asText().equals(MY_STAKER)) {
                    return out;
                }
                for (JsonNode d : delegationsRecorded) {
                    out.add(d.deepCopy());
                }
                ObjectNode extra = delegationsRecorded.get(0).deepCopy();
                extra.put("delegate", "qXvhQSUpmv7Hm6wMpWB6ooohTBVg3aATgo").put("fee", 10);
                out.add(extra);
                return out;
            }
            case "getaddressutxos": {
                String address = params.get(0).get("addresses").get(0).asText();
                ObjectNode out = JSON.createObjectNode();
                ArrayNode list = out.putArray("utxos");
                String script = Hex.encode(Addresses.parse(address, Networks.QTUM_TESTNET).outputScript());
                int i = 0;
                for (long[] u : utxos(address)) {
                    list.addObject().put("address", address).put("txid", hashOf((int) u[1], 1000 + i++))
                            .put("outputIndex", 1).put("script", script).put("satoshis", u[0]).put("height", u[1])
                            .put("isStake", false);
                }
                out.put("hash", chain.get(tip).hash());
                out.put("height", tip);
                return out;
            }
            case "getstakinginfo": {
                // the recorded v0.20.1 testnet answer, with "staking" as scripted
                return ((ObjectNode) stakingInfoRecorded.deepCopy()).put("staking", staking);
            }
            case "getwalletinfo": {
                // the recorded 2021 mainnet answer (balance 305.241, stake 0.0) with the recorded getinfo's testnet figures
                return ((ObjectNode) walletInfoRecorded.deepCopy()).put("balance", getinfoRecorded.get("balance").decimalValue())
                        .put("stake", getinfoRecorded.get("stake").decimalValue());
            }
            case "getconnectioncount":
                return JSON.getNodeFactory().numberNode(connections >= 0 ? connections : getinfoRecorded.get("connections").asInt());
            case "walletpassphrase": {
                if (!params.get(0).asText().equals(WALLET_PASSPHRASE)) {
                    throw new SimError(-14, "Error: The wallet passphrase entered was incorrect.");
                }
                walletCalls.add(JSON.createObjectNode().put("method", method).set("params", params.deepCopy()));
                return JSON.nullNode();
            }
            case "sendmany": {
                if (!params.get(0).asText().isEmpty()) {
                    throw new SimError(-8, "Dummy value must be set to \"\"");
                }
                walletCalls.add(JSON.createObjectNode().put("method", method).set("params", params.deepCopy()));
                long count = walletCalls.stream().filter(c -> c.get("method").asText().equals("sendmany")).count();
                String txid = count == 1 ? sendmanyRecorded.get("result_txid").asText() : hashOf((int) count, 9000);
                Map<String, String> amounts = new java.util.LinkedHashMap<>();
                params.get(1).fields().forEachRemaining(e -> amounts.put(e.getKey(), e.getValue().asText()));
                sends.add(new SimSend(txid, params.path(3).asText(""), amounts, System.currentTimeMillis() / 1000));
                return JSON.getNodeFactory().textNode(txid);
            }
            case "listtransactions": {
                // bitcoind's shape (one 'send' entry per output), which qtumd keeps; not a recorded answer
                ArrayNode out = JSON.createArrayNode();
                for (SimSend s : sends) {
                    s.amounts().forEach((a, v) -> out.addObject().put("address", a).put("category", "send")
                            .put("amount", new java.math.BigDecimal(v).negate()).put("fee", new java.math.BigDecimal("-0.00090400"))
                            .put("txid", s.txid()).put("time", s.unixTime()).put("comment", s.label()));
                }
                return out;
            }
            case "gettransaction": {
                for (SimSend s : sends) {
                    if (s.txid().equals(params.get(0).asText())) {
                        ObjectNode tx = JSON.createObjectNode().put("txid", s.txid()).put("confirmations", 0)
                                .put("time", s.unixTime()).put("comment", s.label())
                                .put("fee", new java.math.BigDecimal("-0.00090400"));
                        ArrayNode details = tx.putArray("details");
                        s.amounts().forEach((a, v) -> details.addObject().put("address", a).put("category", "send")
                                .put("amount", new java.math.BigDecimal(v).negate())
                                .put("fee", new java.math.BigDecimal("-0.00090400")));
                        return tx;
                    }
                }
                throw new SimError(-5, "Invalid or non-wallet transaction id");
            }
            default:
                throw new SimError(-32601, "Method not found (simulator): " + method);
        }
    }

    private SimBlock byHash(String hash) {
        for (SimBlock b : chain.values()) {
            if (b.hash().equals(hash)) {
                return b;
            }
        }
        throw new SimError(-5, "Block not found");
    }

    private JsonNode getblock(String hash) {
        SimBlock b = byHash(hash);
        ObjectNode out = blockTemplate.deepCopy();
        out.put("hash", b.hash()).put("height", b.height()).put("confirmations", tip - b.height() + 1)
                .put("time", 1_600_000_000L + 128L * b.height());
        ArrayNode tx = out.putArray("tx");
        tx.add(hashOf(b.height(), 5000));
        if (b.kind() == Kind.POW) {
            out.remove("prevoutStakeHash");
            out.remove("prevoutStakeVoutN");
            return out;
        }
        tx.add(coinstakeId(b));
        out.put("prevoutStakeHash", hashOf(b.height(), 6000));
        if (b.kind() == Kind.POOL || b.kind() == Kind.OTHER_POD) {
            out.put("proofOfDelegation", delegationsRecorded.get(0).get("PoD").asText());
        }
        return out;
    }

    private static String coinstakeId(SimBlock b) {
        return hashOf(b.height(), 7000 + b.hash().hashCode() % 100);
    }

    private static String prevoutId(SimBlock b) {
        return hashOf(b.height(), 8000);
    }

    private JsonNode getrawtransaction(String txid) {
        Map<String, SimBlock> coinstakes = new HashMap<>();
        for (SimBlock b : chain.values()) {
            if (b.kind() != Kind.POW) {
                coinstakes.put(coinstakeId(b), b);
                coinstakes.put(prevoutId(b), b);
            }
        }
        for (SimBlock k : chain.values()) {
            if ((k.kind() == Kind.POOL || k.kind() == Kind.OTHER_POD) && txid.equals(hashOf(k.height(), 6000))) {
                return kernelTx(txid);
            }
        }
        SimBlock b = coinstakes.get(txid);
        if (b == null) {
            throw new SimError(-5, "No such mempool or blockchain transaction (simulator)");
        }
        String staker = b.kind() == Kind.POOL || b.kind() == Kind.SELF ? MY_STAKER : OTHER_STAKER;
        if (txid.equals(prevoutId(b))) {
            ObjectNode tx = JSON.createObjectNode().put("txid", txid);
            tx.putArray("vin");
            ArrayNode vout = tx.putArray("vout");
            vout.addObject().put("value", 0.0).put("valueSat", 0).put("n", 0).putObject("scriptPubKey")
                    .put("asm", "").put("hex", "").put("type", "nonstandard");
            ObjectNode o = prevoutTemplate.deepCopy();
            o.put("valueSat", STAKER_INPUT).put("value", STAKER_INPUT / 1e8).put("n", 1);
            ObjectNode spk = (ObjectNode) o.get("scriptPubKey");
            byte[] h160 = Addresses.parse(staker, Networks.QTUM_TESTNET).payload();
            spk.put("hex", "76a914" + Hex.encode(h160) + "88ac");
            spk.put("asm", "OP_DUP OP_HASH160 " + Hex.encode(h160) + " OP_EQUALVERIFY OP_CHECKSIG");
            spk.putArray("addresses").add(staker);
            vout.add(o);
            return tx;
        }
        ObjectNode tx = coinstakeTemplate.deepCopy();
        tx.put("txid", txid).put("hash", txid).put("height", b.height());
        ObjectNode in = (ObjectNode) tx.get("vin").get(0);
        in.put("txid", prevoutId(b)).put("vout", 1);
        if (b.addrindex()) {
            in.put("address", staker).put("valueSat", STAKER_INPUT);
        } else {
            in.remove("address");
            in.remove("value");
            in.remove("valueSat");
        }
        ArrayNode vout = (ArrayNode) tx.get("vout");
        long stakerReward = b.kind() == Kind.OTHER_POD ? b.rewardSats() / 10 : b.rewardSats();
        ObjectNode v1 = (ObjectNode) vout.get(1);
        v1.put("valueSat", STAKER_INPUT + stakerReward).put("value", (STAKER_INPUT + stakerReward) / 1e8);
        if (staker.equals(MY_STAKER)) {
            // our staker's P2PK key is unknown to the recordings: state the owner the v0.20 way
            ((ObjectNode) v1.get("scriptPubKey")).putArray("addresses").add(MY_STAKER);
        }
        if (b.kind() == Kind.OTHER_POD) {
            ((ObjectNode) vout.get(2)).put("valueSat", b.rewardSats() - stakerReward)
                    .put("value", (b.rewardSats() - stakerReward) / 1e8);
        } else {
            vout.remove(2);
        }
        return tx;
    }

    /** The delegate of the recorded delegated coinstake (its vout[2] pays this key). */
    String kernelOwner() {
        String pubkey = coinstakeTemplate.get("vout").get(2).get("scriptPubKey").get("asm").asText().split(" ")[0];
        return Addresses.fromPublicKey(Networks.QTUM_TESTNET, Hex.decode(pubkey)).text();
    }

    /** A delegated block's kernel transaction: vout[prevoutStakeVoutN] belongs to the delegate. */
    private JsonNode kernelTx(String txid) {
        ObjectNode tx = JSON.createObjectNode().put("txid", txid);
        tx.putArray("vin");
        ArrayNode vout = tx.putArray("vout");
        int n = blockTemplate.get("prevoutStakeVoutN").asInt();
        String owner = kernelOwner();
        byte[] h160 = Addresses.parse(owner, Networks.QTUM_TESTNET).payload();
        for (int i = 0; i <= n; i++) {
            ObjectNode o = prevoutTemplate.deepCopy();
            o.put("valueSat", 50_000_000_000L).put("value", 500.0).put("n", i);
            ObjectNode spk = (ObjectNode) o.get("scriptPubKey");
            spk.put("hex", "76a914" + Hex.encode(h160) + "88ac");
            spk.put("asm", "OP_DUP OP_HASH160 " + Hex.encode(h160) + " OP_EQUALVERIFY OP_CHECKSIG");
            spk.putArray("addresses").add(owner);
            vout.add(o);
        }
        return tx;
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream os = ex.getResponseBody()) {
                os.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
