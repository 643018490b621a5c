package io.poolkit.core.chain;

import io.poolkit.core.bytes.Hex;
import java.util.List;

/** Transactions for template tests: well-formed spends of made-up outputs (nothing checks signatures here). */
final class TestTransactions {

    private TestTransactions() {
    }

    /** A legacy spend of output {@code n} of a made-up transaction. */
    static Transaction legacy(int n) {
        byte[] prev = new byte[32];
        prev[0] = (byte) n;
        prev[31] = 0x11;
        return new Transaction(2, List.of(new TxInput(prev, n, Hex.decode("47304402aa"), 0xfffffffdL, List.of())),
                List.of(new TxOutput(10_000L + n, Hex.decode("0014" + "ab".repeat(20)))), 0);
    }

    /** A segwit (P2WPKH-style) spend with a two-item witness. */
    static Transaction witness(int n) {
        byte[] prev = new byte[32];
        prev[0] = (byte) n;
        prev[31] = 0x22;
        return new Transaction(2, List.of(new TxInput(prev, 0, new byte[0], 0xffffffffL,
                List.of(Hex.decode("3044" + "01".repeat(68)), Hex.decode("02" + "cd".repeat(32))))),
                List.of(new TxOutput(20_000L + n, Hex.decode("76a914" + "ef".repeat(20) + "88ac"))), 0);
    }

    /** The getblocktemplate JSON of one transaction. */
    static String json(Transaction tx, long fee) {
        return "{\"data\":\"" + Hex.encode(tx.serialize()) + "\",\"txid\":\"" + tx.txidDisplayHex() + "\",\"hash\":\""
                + Hex.encode(io.poolkit.core.bytes.Bytes.reversed(tx.wtxidInternal())) + "\",\"fee\":" + fee
                + ",\"depends\":[],\"sigops\":1,\"weight\":400}";
    }

    /** A template JSON around the given transaction JSONs. */
    static String template(long height, String rules, String commitmentField, String... txJson) {
        return "{\"version\":536870912,\"rules\":" + rules + ",\"height\":" + height
                + ",\"previousblockhash\":\"0f9188f13cb7b2c71f2a335e3a4fc328bf5beb436012afca590b1a11466e2206\","
                + "\"target\":\"7fffff0000000000000000000000000000000000000000000000000000000000\",\"bits\":\"207fffff\","
                + "\"curtime\":1795291474,\"mintime\":1296688603,\"maxtime\":1795298674,\"coinbasevalue\":5000000000,"
                + commitmentField + "\"transactions\":[" + String.join(",", txJson) + "]}";
    }
}
