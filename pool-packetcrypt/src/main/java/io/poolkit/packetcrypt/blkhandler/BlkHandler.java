package io.poolkit.packetcrypt.blkhandler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.poolkit.core.bytes.ByteWriter;
import io.poolkit.core.bytes.Bytes;
import io.poolkit.core.bytes.Hex;
import io.poolkit.core.chain.MerkleTree;
import io.poolkit.core.pow.Sha256d;
import io.poolkit.core.rpc.JsonRpc;
import io.poolkit.packetcrypt.ann.Announcement;
import io.poolkit.packetcrypt.block.BlockCode;
import io.poolkit.packetcrypt.block.BlockResult;
import io.poolkit.packetcrypt.block.BlockValidator;
import io.poolkit.packetcrypt.block.CoinbaseCommit;
import io.poolkit.packetcrypt.block.PacketCryptProof;
import io.poolkit.packetcrypt.block.PcpCodec;
import io.poolkit.packetcrypt.block.PcpFormatException;
import io.poolkit.packetcrypt.http.HttpHandler;
import io.poolkit.packetcrypt.http.HttpReply;
import io.poolkit.packetcrypt.http.HttpRequest;
import io.poolkit.packetcrypt.http.Jsons;
import io.poolkit.packetcrypt.http.RoleServer;
import io.poolkit.packetcrypt.master.MasterClient;
import io.poolkit.packetcrypt.paymaker.PaylogParser;
import io.poolkit.packetcrypt.paymaker.PaylogUploader;
import io.poolkit.packetcrypt.pool.PoolSigningKeys;
import io.poolkit.packetcrypt.pool.PoolWorkMath;
import io.poolkit.packetcrypt.pool.ShareIds;
import io.poolkit.packetcrypt.pool.WorkFile;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The BlkHandler. {@code POST /submit} takes {@code {"coinbase_commit": hex48, "header_and_proof":
 * hex}} (header, PCP entity, version entity, no end) with {@code x-pc-payto}. A share must build on
 * the current work, its merkle root must be the template coinbase with this commitment, every
 * announcement must be at least 3 blocks old with a parent the master knows, a signed
 * announcement must carry the pool's key for its height, and the proof must validate to SHARE_OK
 * or OK. The handler then signs the pool's announcements, asks the node {@code checkpcshare}, and
 * submits a block when the node answers RESUBMIT_AS_BLOCK (at most one block per 120 s). A share
 * seen before is refused. {@link #tick()} logs a block event when the work changes.
 */
public final class BlkHandler implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(BlkHandler.class);
    /** The commitment placeholder in the template coinbase: magic then 44 bytes of 0xfc. */
    static final byte[] PATTERN_MAGIC = {0x09, (byte) 0xf9, 0x11, 0x02};
    private static final long BLOCK_SUBMIT_GAP_MS = 120_000;

    private final MasterClient master;
    private final JsonRpc node;
    private final PaylogUploader paylog;
    private final Optional<String> privateSeed;
    private final Clock clock;
    private final BlockValidator validator = new BlockValidator();
    private final Map<String, AtomicLong> counters = new LinkedHashMap<>();
    private final Set<String> seenShares = new HashSet<>();
    private int seenHeight = -1;
    private int loggedHeight = -1;
    private long lastBlockSubmit = Long.MIN_VALUE / 2;

    /**
     * A BlkHandler.
     *
     * @param master      the current work
     * @param node        the node (checkpcshare, submitblock, getblockheader)
     * @param paylog      where events for the PayMaker go
     * @param privateSeed the pool's signing seed, if it signs announcements
     * @param clock       event times
     */
    public BlkHandler(MasterClient master, JsonRpc node, PaylogUploader paylog, Optional<String> privateSeed,
                      Clock clock) {
        this.master = master;
        this.node = node;
        this.paylog = paylog;
        this.privateSeed = privateSeed;
        this.clock = clock;
        for (String c : new String[] {"sharesAccepted", "sharesRefused", "duplicates", "blocksSubmitted",
            "nodeRejected"}) {
            counters.put(c, new AtomicLong());
        }
    }

    private void count(String c) {
        counters.get(c).incrementAndGet();
    }

    /** Counters (for status and tests). */
    public Map<String, Long> counters() {
        Map<String, Long> m = new LinkedHashMap<>();
        counters.forEach((k, v) -> m.put(k, v.get()));
        return m;
    }

    /**
     * Logs a {@code block} event (hash, height, difficulty from the node) when the master's tip
     * changed since the last call; the PayMaker prices shares and anns with it.
     */
    public void tick() throws IOException {
        JsonNode cfg = master.config();
        int height = cfg.path("currentHeight").asInt(-1);
        String tip = cfg.path("tipHash").asText();
        synchronized (this) {
            if (height == loggedHeight || height < 0) {
                return;
            }
            loggedHeight = height;
        }
        JsonNode h = node.call("getblockheader", List.of(tip, true));
        ObjectNode ev = Jsons.MAPPER.createObjectNode();
        ev.put("type", "block").put("hash", tip).put("height", h.path("height").asLong())
                .put("difficulty", h.path("difficulty").asDouble()).put("time", clock.millis())
                .put("eventId", tip.substring(0, 32));
        paylog.append(Jsons.write(ev));
    }

    @Override
    public HttpReply handle(HttpRequest req) throws IOException {
        if (req.path().equals("/status") && "GET".equals(req.method())) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("role", "blkhandler");
            s.putAll(counters());
            s.put("paylog", paylog.counters());
            return HttpReply.json(200, Jsons.write(s));
        }
        if (!req.path().equals("/submit")) {
            return RoleServer.error(404, "not found");
        }
        if (!"POST".equals(req.method())) {
            return RoleServer.error(405, "POST shares to /submit");
        }
        tick();
        HttpReply r;
        try {
            r = submit(req);
        } catch (IllegalArgumentException e) {
            r = RoleServer.error(400, e.getMessage());
        }
        count(r.status() == 200 ? "sharesAccepted" : "sharesRefused");
        return r;
    }

    private HttpReply submit(HttpRequest req) throws IOException {
        List<String> warn = new ArrayList<>();
        Optional<String> payTo = req.header("x-pc-payto").filter(PaylogParser::validPayTo);
        if (payTo.isEmpty()) {
            warn.add("x-pc-payto is missing or not a valid address: this share is not credited");
        }
        JsonNode body;
        try {
            body = Jsons.MAPPER.readTree(req.body());
        } catch (IOException e) {
            return RoleServer.error(400, "the body is not JSON");
        }
        if (body == null || !body.path("coinbase_commit").isTextual() || !body.path("header_and_proof").isTextual()) {
            return RoleServer.error(400, "need {\"coinbase_commit\": hex, \"header_and_proof\": hex}");
        }
        CoinbaseCommit commit = CoinbaseCommit.parse(Hex.decode(body.get("coinbase_commit").asText(),
                CoinbaseCommit.SIZE, "coinbase_commit"));
        byte[] hap = Hex.decode(body.get("header_and_proof").asText());
        if (hap.length < 81 || hap[80] != PcpCodec.TYPE_PCP) {
            return RoleServer.error(400, "header_and_proof must be an 80-byte header followed by the PCP entity");
        }
        byte[] header = Arrays.copyOf(hap, 80);
        byte[] entities = Bytes.concat(Arrays.copyOfRange(hap, 80, hap.length), new byte[2]);
        PacketCryptProof pcp;
        try {
            pcp = PcpCodec.parse(entities);
        } catch (PcpFormatException e) {
            return RoleServer.error(400, "PCP_INVAL: " + e.getMessage());
        }

        int height = master.currentHeight();
        WorkFile work = master.work(height).orElseThrow(() -> new IOException("the master has no current work"));
        byte[] workHeader = work.header();
        if (!Arrays.equals(workHeader, 4, 36, header, 4, 36)) {
            return RoleServer.error(400, "Share is for wrong work");
        }
        byte[] coinbase = withCommit(work.coinbaseNoWitness(), commit.encode());
        byte[] root = MerkleTree.rootFromBranch(Sha256d.hash(coinbase), work.merkleBranch());
        if (!Arrays.equals(root, 0, 32, header, 36, 68)) {
            return RoleServer.error(400, "the header's merkle root is not the template coinbase with this commitment");
        }

        List<byte[]> parents = new ArrayList<>();
        List<Optional<byte[]>> signatures = new ArrayList<>();
        for (int i = 0; i < PacketCryptProof.NUM_ANNS; i++) {
            Announcement a = pcp.announcements().get(i);
            long ph = a.parentHeight();
            if (ph > height - 3L || ph < 0) {
                return RoleServer.error(400, "ann " + i + ": parent height " + ph + " is not at least 3 blocks old");
            }
            Optional<WorkFile> pw = master.work((int) ph + 1);
            if (pw.isEmpty()) {
                return RoleServer.error(400, "ann " + i + ": parent height " + ph + " is unknown to the master");
            }
            parents.add(Arrays.copyOfRange(pw.get().header(), 4, 36));
            if (a.hasSigningKey()) {
                if (privateSeed.isEmpty() || !Arrays.equals(a.signingKey(), pw.get().signingKey())) {
                    return RoleServer.error(400, "ann " + i + ": signed with a key that is not this pool's");
                }
                signatures.add(Optional.of(PoolSigningKeys.sign(PoolSigningKeys.seed(privateSeed.get(), ph + 1),
                        a.bytes())));
            } else {
                signatures.add(Optional.empty());
            }
        }
        BlockResult result = validator.validate(header, pcp, commit, height, work.shareTarget(), parents);
        if (result.code() != BlockCode.SHARE_OK && result.code() != BlockCode.OK) {
            return RoleServer.error(400, "share rejected: " + result.label() + " (" + result.detail() + ")");
        }
        byte[] nonce = new byte[4];
        io.poolkit.core.bytes.LittleEndian.writeInt32(nonce, 0, pcp.nonce());
        String eventId = Hex.encode(ShareIds.shareId(header, nonce));
        synchronized (this) {
            if (seenHeight != height) {
                seenShares.clear();
                seenHeight = height;
            }
            if (!seenShares.add(eventId)) {
                count("duplicates");
                return RoleServer.error(400, "duplicate share");
            }
        }

        // The block as the node wants it: header, proof with the pool's signatures, end, txs.
        boolean anySig = signatures.stream().anyMatch(Optional::isPresent);
        PacketCryptProof signed = new PacketCryptProof(pcp.nonce(), pcp.announcements(),
                anySig ? signatures : List.of(), pcp.contentProof(), pcp.annProof(), pcp.version());
        byte[] blockTop = Bytes.concat(header, PcpCodec.encode(signed));
        ObjectNode check = Jsons.MAPPER.createObjectNode();
        check.put("height", height).put("sharetarget", work.shareTarget())
                .put("hexblock", Hex.encode(blockTop) + "00").put("coinbase", Hex.encode(coinbase));
        var branch = check.putArray("merklebranch");
        work.merkleBranch().forEach(b -> branch.add(Hex.encode(b)));
        String answer;
        try {
            answer = node.call("checkpcshare", List.of(check)).asText();
        } catch (RuntimeException e) {
            count("nodeRejected");
            return RoleServer.error(400, "the node refused the share: " + e.getMessage());
        }
        boolean block = "RESUBMIT_AS_BLOCK".equals(answer);
        String headerHash = Hex.encode(Bytes.reversed(Sha256d.hash(header)));
        if (block) {
            submitBlock(height, blockTop, coinbase);
        }

        ObjectNode ev = Jsons.MAPPER.createObjectNode();
        ev.put("type", "share").put("payTo", payTo.orElse("")).put("block", block).put("time", clock.millis())
                .put("eventId", eventId);
        if (block) {
            ev.put("headerHash", headerHash);
        }
        ev.put("target", work.shareTarget()).put("annCount", Long.toString(commit.annCount()))
                .put("annMinWork", commit.annLeastWorkTarget())
                .put("encryptions", PoolWorkMath.effectiveWork(work.shareTarget(), commit.annLeastWorkTarget(),
                        Math.max(1, commit.annCount())).shiftLeft(1));
        if (payTo.isPresent()) {
            paylog.append(Jsons.write(ev));
        }
        ObjectNode reply = Jsons.MAPPER.createObjectNode();
        reply.set("result", ev);
        reply.putArray("error");
        var w = reply.putArray("warn");
        warn.forEach(w::add);
        return HttpReply.json(200, Jsons.write(reply));
    }

    private void submitBlock(int height, byte[] blockTop, byte[] coinbase) throws IOException {
        synchronized (this) {
            long now = clock.millis();
            if (now - lastBlockSubmit < BLOCK_SUBMIT_GAP_MS) {
                LOG.info("block at height {} not submitted: one was submitted less than 120 s ago", height);
                return;
            }
            lastBlockSubmit = now;
        }
        List<byte[]> txs = master.templateTransactions(height);
        ByteWriter w = new ByteWriter().writeBytes(blockTop).writeVarInt(1 + txs.size()).writeBytes(coinbase);
        txs.forEach(w::writeBytes);
        JsonNode r = node.call("submitblock", List.of(Hex.encode(w.toByteArray())));
        count("blocksSubmitted");
        LOG.info("block submitted at height {}: {}", height, r.isNull() ? "accepted" : r.toString());
    }

    /** The template coinbase with the 48-byte commitment written over its placeholder. */
    static byte[] withCommit(byte[] cnw, byte[] commit48) {
        outer:
        for (int i = 0; i + CoinbaseCommit.SIZE <= cnw.length; i++) {
            for (int j = 0; j < CoinbaseCommit.SIZE; j++) {
                byte want = j < 4 ? PATTERN_MAGIC[j] : (byte) 0xfc;
                if (cnw[i + j] != want) {
                    continue outer;
                }
            }
            byte[] out = cnw.clone();
            System.arraycopy(commit48, 0, out, i, CoinbaseCommit.SIZE);
            return out;
        }
        throw new IllegalStateException("the template coinbase has no commitment placeholder");
    }
}
