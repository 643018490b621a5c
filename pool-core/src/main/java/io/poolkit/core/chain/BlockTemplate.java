package io.poolkit.core.chain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.poolkit.core.bytes.Bytes;
import io.poolkit.core.bytes.Hex;
import io.poolkit.core.bytes.HexFormatException;
import io.poolkit.core.target.CompactBits;
import io.poolkit.core.target.Target;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A block template from {@code getblocktemplate} (BIP22/BIP23, requested with
 * {@code {"rules": ["segwit"]}}): what the next block builds on, which transactions it carries and
 * what the coinbase may claim. {@link #parse(JsonNode)} validates the answer and recomputes every
 * txid and wtxid from the transaction data, so a template that would produce an invalid block is
 * refused with a message naming the field. Immutable.
 */
public final class BlockTemplate {

    /** The request parameters for {@code getblocktemplate}: {@code {"rules": ["segwit"]}}. */
    public static final List<Object> REQUEST_PARAMS = List.of(java.util.Map.of("rules", List.of("segwit")));

    private static final long MAX_MONEY = 21_000_000L * 100_000_000L;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final int version;
    private final byte[] previousHashInternal;
    private final List<TemplateTransaction> transactions;
    private final long coinbaseValue;
    private final int bits;
    private final long curTime;
    private final long minTime;
    private final OptionalLong maxTime;
    private final long height;
    private final byte[] defaultWitnessCommitment;
    private final List<String> rules;
    private final Optional<String> longPollId;
    private final List<byte[]> merkleBranch;

    private BlockTemplate(int version, byte[] previousHashInternal, List<TemplateTransaction> transactions,
                          long coinbaseValue, int bits, long curTime, long minTime, OptionalLong maxTime, long height,
                          byte[] defaultWitnessCommitment, List<String> rules, Optional<String> longPollId) {
        this.version = version;
        this.previousHashInternal = previousHashInternal.clone();
        this.transactions = List.copyOf(transactions);
        this.coinbaseValue = coinbaseValue;
        this.bits = bits;
        this.curTime = curTime;
        this.minTime = minTime;
        this.maxTime = maxTime;
        this.height = height;
        this.defaultWitnessCommitment = defaultWitnessCommitment == null ? null : defaultWitnessCommitment.clone();
        this.rules = List.copyOf(rules);
        this.longPollId = longPollId;
        List<byte[]> txids = new ArrayList<>(transactions.size());
        for (TemplateTransaction tx : transactions) {
            txids.add(tx.txidInternal());
        }
        this.merkleBranch = List.copyOf(MerkleTree.coinbaseBranch(txids));
    }

    /** Parses the text of a getblocktemplate result (the {@code result} object, not the JSON-RPC envelope). */
    public static BlockTemplate parse(String json) {
        try {
            return parse(JSON.readTree(json));
        } catch (JsonProcessingException e) {
            throw new BlockTemplateException("getblocktemplate answer is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Parses and validates a getblocktemplate result object. */
    public static BlockTemplate parse(JsonNode t) {
        if (t == null || !t.isObject()) {
            throw new BlockTemplateException("getblocktemplate answer must be a JSON object, got "
                    + (t == null ? "nothing" : t.getNodeType().name().toLowerCase(java.util.Locale.ROOT)));
        }
        long versionValue = integer(t, "version");
        if (versionValue < Integer.MIN_VALUE || versionValue > 0xffffffffL) {
            throw new BlockTemplateException("getblocktemplate 'version' " + versionValue + " does not fit 32 bits");
        }
        byte[] previousDisplay = hex(t, "previousblockhash", 32);
        long coinbaseValue = integer(t, "coinbasevalue");
        if (coinbaseValue < 0 || coinbaseValue > MAX_MONEY) {
            throw new BlockTemplateException("getblocktemplate 'coinbasevalue' " + coinbaseValue + " is outside 0.."
                    + MAX_MONEY);
        }
        int bits;
        Target target;
        try {
            bits = CompactBits.parseHex(text(t, "bits"));
            target = CompactBits.toTarget(bits);
        } catch (IllegalArgumentException e) {
            throw new BlockTemplateException("getblocktemplate 'bits': " + e.getMessage(), e);
        }
        if (target.value().signum() == 0) {
            throw new BlockTemplateException("getblocktemplate 'bits' " + CompactBits.toHex(bits) + " is a zero target");
        }
        if (t.hasNonNull("target")) {
            Target stated;
            try {
                stated = Target.fromHex(text(t, "target"));
            } catch (IllegalArgumentException e) {
                throw new BlockTemplateException("getblocktemplate 'target': " + e.getMessage(), e);
            }
            if (!stated.equals(target)) {
                throw new BlockTemplateException("getblocktemplate 'target' " + stated.toHex() + " disagrees with 'bits' "
                        + CompactBits.toHex(bits) + " (" + target.toHex() + ")");
            }
        }
        long curTime = uint32(t, "curtime");
        long minTime = t.has("mintime") ? uint32(t, "mintime") : 0;
        OptionalLong maxTime = t.has("maxtime") ? OptionalLong.of(uint32(t, "maxtime")) : OptionalLong.empty();
        long height = integer(t, "height");
        if (height < 1 || height > 0xffffffffL) {
            throw new BlockTemplateException("getblocktemplate 'height' must be 1 or more, got " + height);
        }
        byte[] commitment = null;
        if (t.hasNonNull("default_witness_commitment")) {
            commitment = hexAny(t, "default_witness_commitment");
            if (!WitnessCommitment.isCommitmentScript(commitment)) {
                throw new BlockTemplateException("getblocktemplate 'default_witness_commitment' is not a witness"
                        + " commitment script (6a24aa21a9ed + 32 bytes): " + Hex.encode(commitment));
            }
        }
        List<String> rules = new ArrayList<>();
        JsonNode rulesNode = t.get("rules");
        if (rulesNode != null && !rulesNode.isNull()) {
            if (!rulesNode.isArray()) {
                throw new BlockTemplateException("getblocktemplate 'rules' must be an array");
            }
            rulesNode.forEach(r -> rules.add(r.asText()));
        }
        Optional<String> longPollId = t.hasNonNull("longpollid") ? Optional.of(t.get("longpollid").asText())
                : Optional.empty();
        List<TemplateTransaction> transactions = transactions(t);
        boolean segwit = segwit(rules);
        for (int i = 0; i < transactions.size(); i++) {
            if (transactions.get(i).hasWitness() && !segwit) {
                throw new BlockTemplateException("getblocktemplate transaction " + i + " ("
                        + transactions.get(i).txidDisplayHex() + ") has witness data but 'rules' " + rules
                        + " do not include segwit");
            }
        }
        return new BlockTemplate((int) versionValue, Bytes.reversed(previousDisplay), transactions, coinbaseValue, bits,
                curTime, minTime, maxTime, height, commitment, rules, longPollId);
    }

    /** Block version (may carry BIP9 bits). */
    public int version() {
        return version;
    }

    /** The hash of the block this template builds on, internal order. */
    public byte[] previousHashInternal() {
        return previousHashInternal.clone();
    }

    /** The previous block hash as RPC and explorers show it. */
    public String previousHashDisplayHex() {
        return Hex.encode(Bytes.reversed(previousHashInternal));
    }

    /** The transactions after the coinbase, in block order. */
    public List<TemplateTransaction> transactions() {
        return transactions;
    }

    /** What the coinbase outputs may claim in total: subsidy plus fees, base units. */
    public long coinbaseValue() {
        return coinbaseValue;
    }

    /** Compact network target. */
    public int bits() {
        return bits;
    }

    /** The network target as a 256-bit number. */
    public Target target() {
        return CompactBits.toTarget(bits);
    }

    /** The node's current time (a good initial ntime), unix seconds. */
    public long curTime() {
        return curTime;
    }

    /** The earliest valid block time (median time past + 1), or 0 if the template did not say. */
    public long minTime() {
        return minTime;
    }

    /** The latest block time the node accepts, when the template says. */
    public OptionalLong maxTime() {
        return maxTime;
    }

    /** Height of the block to build. */
    public long height() {
        return height;
    }

    /** The node's witness commitment output script, when it sent one. */
    public Optional<byte[]> defaultWitnessCommitment() {
        return Optional.ofNullable(defaultWitnessCommitment).map(byte[]::clone);
    }

    /** The active consensus rules the node reported ({@code segwit}, {@code !segwit}, {@code csv}, ...). */
    public List<String> rules() {
        return rules;
    }

    /** True if segwit is active: the block must then commit to witness data it carries. */
    public boolean segwitActive() {
        return segwit(rules);
    }

    /** True if some template transaction carries witness data. */
    public boolean hasWitnessTransactions() {
        return transactions.stream().anyMatch(TemplateTransaction::hasWitness);
    }

    /** The long-poll id (BIP22), when the node supports long polling. */
    public Optional<String> longPollId() {
        return longPollId;
    }

    /** The sum of the transactions' fees the template stated (missing fees count as 0). */
    public long totalFees() {
        long total = 0;
        for (TemplateTransaction tx : transactions) {
            total += tx.fee().orElse(0);
        }
        return total;
    }

    /** The stratum merkle branch of the coinbase, internal order (as {@code mining.notify} sends them, in hex). */
    public List<byte[]> merkleBranch() {
        return merkleBranch.stream().map(byte[]::clone).toList();
    }

    /** {@link #merkleBranch()} as hex strings. */
    public List<String> merkleBranchHex() {
        return merkleBranch.stream().map(Hex::encode).toList();
    }

    /** The wtxids of the transactions (internal order), as the witness commitment needs them. */
    public List<byte[]> wtxidsInternal() {
        return transactions.stream().map(TemplateTransaction::wtxidInternal).toList();
    }

    @Override
    public String toString() {
        return "BlockTemplate[height=" + height + ", prev=" + previousHashDisplayHex() + ", txs=" + transactions.size()
                + ", coinbasevalue=" + coinbaseValue + ", bits=" + CompactBits.toHex(bits) + ", rules=" + rules + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BlockTemplate b && b.version == version && Arrays.equals(b.previousHashInternal, previousHashInternal)
                && b.transactions.equals(transactions) && b.coinbaseValue == coinbaseValue && b.bits == bits
                && b.curTime == curTime && b.minTime == minTime && b.maxTime.equals(maxTime) && b.height == height
                && Arrays.equals(b.defaultWitnessCommitment, defaultWitnessCommitment) && b.rules.equals(rules)
                && b.longPollId.equals(longPollId);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(previousHashInternal) * 31 + Long.hashCode(height) + transactions.size();
    }

    private static boolean segwit(List<String> rules) {
        return rules.contains("segwit") || rules.contains("!segwit");
    }

    private static List<TemplateTransaction> transactions(JsonNode t) {
        JsonNode array = t.get("transactions");
        if (array == null || array.isNull()) {
            throw new BlockTemplateException("getblocktemplate answer has no 'transactions' (send it an empty array if"
                    + " there are none)");
        }
        if (!array.isArray()) {
            throw new BlockTemplateException("getblocktemplate 'transactions' must be an array");
        }
        List<TemplateTransaction> out = new ArrayList<>(array.size());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode tx = array.get(i);
            String where = "getblocktemplate transaction " + i;
            if (!tx.isObject() || !tx.path("data").isTextual()) {
                throw new BlockTemplateException(where + " has no 'data' hex string");
            }
            byte[] data;
            try {
                data = Hex.decode(tx.get("data").textValue());
            } catch (HexFormatException e) {
                throw new BlockTemplateException(where + " 'data': " + e.getMessage(), e);
            }
            OptionalLong fee = OptionalLong.empty();
            if (tx.hasNonNull("fee")) {
                if (!tx.get("fee").canConvertToExactIntegral() || tx.get("fee").asLong() < 0) {
                    throw new BlockTemplateException(where + " 'fee' must be a whole number of base units, got "
                            + tx.get("fee"));
                }
                fee = OptionalLong.of(tx.get("fee").asLong());
            }
            Transaction decoded;
            try {
                decoded = Transaction.parse(data);
            } catch (IllegalArgumentException e) {
                throw new BlockTemplateException(where + " 'data' is not a transaction: " + e.getMessage(), e);
            }
            TemplateTransaction parsed = TemplateTransaction.of(data, decoded, fee);
            if (decoded.isCoinbase()) {
                throw new BlockTemplateException(where + " is a coinbase; the template's transactions come after it");
            }
            if (tx.hasNonNull("txid")) {
                String stated = tx.get("txid").asText().toLowerCase(java.util.Locale.ROOT);
                if (!stated.equals(parsed.txidDisplayHex())) {
                    throw new BlockTemplateException(where + " 'txid' " + stated + " does not match its data (txid "
                            + parsed.txidDisplayHex() + ")");
                }
            }
            if (tx.hasNonNull("hash")) {
                String stated = tx.get("hash").asText().toLowerCase(java.util.Locale.ROOT);
                String computed = Hex.encode(Bytes.reversed(parsed.wtxidInternal()));
                if (!stated.equals(computed)) {
                    throw new BlockTemplateException(where + " 'hash' (wtxid) " + stated + " does not match its data"
                            + " (wtxid " + computed + ")");
                }
            }
            if (!seen.add(parsed.txidDisplayHex())) {
                throw new BlockTemplateException(where + " repeats txid " + parsed.txidDisplayHex());
            }
            out.add(parsed);
        }
        return out;
    }

    private static JsonNode required(JsonNode t, String field) {
        JsonNode v = t.get(field);
        if (v == null || v.isNull()) {
            throw new BlockTemplateException("getblocktemplate answer has no '" + field + "'");
        }
        return v;
    }

    private static long integer(JsonNode t, String field) {
        JsonNode v = required(t, field);
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new BlockTemplateException("getblocktemplate '" + field + "' must be an integer, got " + v);
        }
        return v.longValue();
    }

    private static long uint32(JsonNode t, String field) {
        long v = integer(t, field);
        if (v < 0 || v > 0xffffffffL) {
            throw new BlockTemplateException("getblocktemplate '" + field + "' must fit an unsigned 32-bit field, got " + v);
        }
        return v;
    }

    private static String text(JsonNode t, String field) {
        JsonNode v = required(t, field);
        if (!v.isTextual()) {
            throw new BlockTemplateException("getblocktemplate '" + field + "' must be a string, got " + v);
        }
        return v.textValue();
    }

    private static byte[] hex(JsonNode t, String field, int bytes) {
        try {
            return Hex.decode(text(t, field), bytes, "getblocktemplate '" + field + "'");
        } catch (HexFormatException e) {
            throw new BlockTemplateException(e.getMessage(), e);
        }
    }

    private static byte[] hexAny(JsonNode t, String field) {
        try {
            return Hex.decode(text(t, field));
        } catch (HexFormatException e) {
            throw new BlockTemplateException("getblocktemplate '" + field + "': " + e.getMessage(), e);
        }
    }
}
