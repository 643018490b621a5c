package io.poolkit.pegnet.factom;

import com.fasterxml.jackson.databind.JsonNode;
import io.poolkit.core.bytes.Hex;
import io.poolkit.core.rpc.RpcTransportException;
import io.poolkit.pegnet.opr.FactomEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The factomd calls the pool needs: {@code heights}, {@code current-minute}, {@code chain-head},
 * {@code entry-block}, {@code entry}, {@code commit-entry} and {@code reveal-entry}, with every answer checked
 * for the fields used (a missing or mistyped field is a {@link RpcTransportException} of kind BAD_RESPONSE).
 */
public final class FactomdClient {

    private final FactomdRpc rpc;

    /** Over {@code rpc}. */
    public FactomdClient(FactomdRpc rpc) {
        this.rpc = rpc;
    }

    /** factomd's heights: the last saved directory block and the leader's (in-progress) height. */
    public record Heights(long directoryBlock, long leader, long entryBlock, long entry) {
    }

    /** {@code current-minute}: the leader height, the directory block height and the minute (0..9). */
    public record Minute(long leaderHeight, long directoryBlockHeight, int minute) {
    }

    /** An entry block: its height, previous key MR (all zeros at the chain's start) and entry hashes in order. */
    public record EntryBlock(long dbHeight, String prevKeyMr, List<String> entryHashes) {
        /** Copies the list. */
        public EntryBlock {
            entryHashes = List.copyOf(entryHashes);
        }

        /** Whether this is the chain's first block. */
        public boolean first() {
            return prevKeyMr.chars().allMatch(c -> c == '0');
        }
    }

    /** factomd's answer to {@code commit-entry}. */
    public record Commit(String txId, String entryHash) {
    }

    /** {@code heights}. */
    public Heights heights() {
        JsonNode r = rpc.call("heights", Map.of());
        return new Heights(num(r, "directoryblockheight", "heights"), num(r, "leaderheight", "heights"),
                num(r, "entryblockheight", "heights"), num(r, "entryheight", "heights"));
    }

    /** {@code current-minute}. */
    public Minute currentMinute() {
        JsonNode r = rpc.call("current-minute", Map.of());
        long minute = num(r, "minute", "current-minute");
        if (minute < 0 || minute > 10) {
            throw bad("current-minute", "minute " + minute + " is not 0..10");
        }
        return new Minute(num(r, "leaderheight", "current-minute"), num(r, "directoryblockheight", "current-minute"),
                (int) minute);
    }

    /** {@code chain-head}: the key MR of the chain's latest entry block. */
    public String chainHead(String chainIdHex) {
        return hex64(rpc.call("chain-head", Map.of("chainid", chainIdHex)), "chainhead", "chain-head");
    }

    /** {@code entry-block}. */
    public EntryBlock entryBlock(String keyMr) {
        JsonNode r = rpc.call("entry-block", Map.of("keymr", keyMr));
        JsonNode header = r.path("header");
        List<String> hashes = new ArrayList<>();
        for (JsonNode e : r.path("entrylist")) {
            hashes.add(hex64(e, "entryhash", "entry-block"));
        }
        return new EntryBlock(num(header, "dbheight", "entry-block"), hex64(header, "prevkeymr", "entry-block"),
                hashes);
    }

    /** {@code entry}: the entry with hash {@code entryHash}, checked against that hash. */
    public FactomEntry entry(String entryHash) {
        JsonNode r = rpc.call("entry", Map.of("hash", entryHash));
        List<byte[]> ext = new ArrayList<>();
        try {
            for (JsonNode x : r.path("extids")) {
                ext.add(Hex.decode(x.asText()));
            }
            FactomEntry e = new FactomEntry(Hex.decode(hex64(r, "chainid", "entry")), ext,
                    Hex.decode(r.path("content").asText("")));
            if (!e.hashHex().equals(entryHash)) {
                throw bad("entry", "entry " + entryHash + " hashes to " + e.hashHex());
            }
            return e;
        } catch (IllegalArgumentException e) {
            throw bad("entry", "entry " + entryHash + " has bad hex: " + e.getMessage());
        }
    }

    /**
     * The entries of {@code chainId}'s entry block at directory block {@code height}, in block order; empty when
     * the chain has no block there. Walks back from the chain head.
     */
    public Optional<List<FactomEntry>> entriesAt(String chainId, long height) {
        String keyMr = chainHead(chainId);
        for (int guard = 0; guard < 100_000; guard++) {
            EntryBlock b = entryBlock(keyMr);
            if (b.dbHeight() == height) {
                List<FactomEntry> out = new ArrayList<>();
                for (String h : b.entryHashes()) {
                    out.add(entry(h));
                }
                return Optional.of(out);
            }
            if (b.dbHeight() < height || b.first()) {
                return Optional.empty();
            }
            keyMr = b.prevKeyMr();
        }
        throw bad("entry-block", "chain " + chainId + " is longer than 100000 blocks back to height " + height);
    }

    /** {@code commit-entry} with a signed commit message. */
    public Commit commitEntry(byte[] message) {
        JsonNode r = rpc.call("commit-entry", Map.of("message", Hex.encode(message)));
        return new Commit(hex64(r, "txid", "commit-entry"), hex64(r, "entryhash", "commit-entry"));
    }

    /** {@code reveal-entry}: returns the entry hash factomd reports. */
    public String revealEntry(FactomEntry entry) {
        return hex64(rpc.call("reveal-entry", Map.of("entry", Hex.encode(entry.marshal()))), "entryhash",
                "reveal-entry");
    }

    private static long num(JsonNode r, String field, String method) {
        JsonNode n = r.path(field);
        if (!n.canConvertToLong() || !n.isIntegralNumber()) {
            throw bad(method, "no integer " + field);
        }
        return n.asLong();
    }

    private static String hex64(JsonNode r, String field, String method) {
        String s = r.path(field).asText("");
        if (s.length() != 64 || !Hex.isHex(s)) {
            throw bad(method, "field " + field + " is not 64 hex digits");
        }
        return s.toLowerCase(java.util.Locale.ROOT);
    }

    private static RpcTransportException bad(String method, String detail) {
        return new RpcTransportException(RpcTransportException.Kind.BAD_RESPONSE, "factomd", method, detail, null);
    }
}
