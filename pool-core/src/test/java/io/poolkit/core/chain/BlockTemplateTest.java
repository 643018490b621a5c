package io.poolkit.core.chain;

import static io.poolkit.core.chain.TestTransactions.json;
import static io.poolkit.core.chain.TestTransactions.template;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poolkit.core.bytes.Hex;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlockTemplateTest {

    /** A getblocktemplate answer of bcoin 1.0.2 on regtest at height 1, as it came (segwit not yet active). */
    static final String BCOIN_HEIGHT_1 = "{\"capabilities\":[\"proposal\"],\"mutable\":[\"time\",\"transactions\","
            + "\"prevblock\"],\"version\":536870912,\"rules\":[],\"vbavailable\":{},\"vbrequired\":0,\"height\":1,"
            + "\"previousblockhash\":\"0f9188f13cb7b2c71f2a335e3a4fc328bf5beb436012afca590b1a11466e2206\","
            + "\"target\":\"7fffff0000000000000000000000000000000000000000000000000000000000\",\"bits\":\"207fffff\","
            + "\"noncerange\":\"00000000ffffffff\",\"curtime\":1795291474,\"mintime\":1296688603,\"maxtime\":1795298674,"
            + "\"expires\":1795298674,\"sigoplimit\":20000,\"sizelimit\":1000000,\"longpollid\":"
            + "\"0f9188f13cb7b2c71f2a335e3a4fc328bf5beb436012afca590b1a11466e220600000000\",\"submitold\":false,"
            + "\"coinbaseaux\":{\"flags\":\"6d696e65642062792062636f696e\"},\"coinbasevalue\":5000000000,"
            + "\"default_witness_commitment\":\"6a24aa21a9ede2f61c3f71d1defd3fa999dfa36953755c690689799962b48bebd836974e8cf9\","
            + "\"transactions\":[]}";

    @Test
    void parsesBcoinTemplate() {
        BlockTemplate t = BlockTemplate.parse(BCOIN_HEIGHT_1);
        assertEquals(536870912, t.version());
        assertEquals(1, t.height());
        assertEquals("0f9188f13cb7b2c71f2a335e3a4fc328bf5beb436012afca590b1a11466e2206", t.previousHashDisplayHex());
        assertEquals(0x207fffff, t.bits());
        assertEquals(5_000_000_000L, t.coinbaseValue());
        assertEquals(1795291474L, t.curTime());
        assertEquals(1296688603L, t.minTime());
        assertEquals(1795298674L, t.maxTime().getAsLong());
        assertTrue(t.transactions().isEmpty());
        assertTrue(t.merkleBranch().isEmpty());
        assertFalse(t.segwitActive());
        assertTrue(t.longPollId().isPresent());
        assertEquals("7fffff0000000000000000000000000000000000000000000000000000000000", t.target().toHex());
    }

    @Test
    void emptyBlockWitnessCommitmentMatchesBcoin() {
        BlockTemplate t = BlockTemplate.parse(BCOIN_HEIGHT_1);
        assertArrayEquals(t.defaultWitnessCommitment().orElseThrow(), WitnessCommitment.script(List.of()));
    }

    @Test
    void transactionsKeepOrderIdsAndBranch() {
        Transaction a = TestTransactions.legacy(1);
        Transaction b = TestTransactions.witness(2);
        Transaction c = TestTransactions.legacy(3);
        BlockTemplate t = BlockTemplate.parse(template(500, "[\"csv\",\"!segwit\"]", "", json(a, 100), json(b, 200),
                json(c, 300)));
        assertEquals(3, t.transactions().size());
        assertEquals(a.txidDisplayHex(), t.transactions().get(0).txidDisplayHex());
        assertTrue(t.transactions().get(1).hasWitness());
        assertArrayEquals(b.wtxidInternal(), t.transactions().get(1).wtxidInternal());
        assertArrayEquals(b.serialize(), t.transactions().get(1).data());
        assertEquals(600, t.totalFees());
        assertTrue(t.segwitActive());
        assertTrue(t.hasWitnessTransactions());
        assertEquals(MerkleTree.coinbaseBranch(List.of(a.txidInternal(), b.txidInternal(), c.txidInternal())).stream()
                .map(Hex::encode).toList(), t.merkleBranchHex());
    }

    @Test
    void rejectsBrokenTemplatesWithTheFieldName() {
        assertMessage("no 'bits'", BCOIN_HEIGHT_1.replace("\"bits\":\"207fffff\",", ""));
        assertMessage("'previousblockhash'", BCOIN_HEIGHT_1.replace("0f9188f1", "0f9188"));
        assertMessage("'height' must be 1 or more", BCOIN_HEIGHT_1.replace("\"height\":1,", "\"height\":0,"));
        assertMessage("'coinbasevalue' must be an integer", BCOIN_HEIGHT_1.replace("5000000000", "\"50\""));
        assertMessage("disagrees with 'bits'", BCOIN_HEIGHT_1.replace("\"bits\":\"207fffff\"", "\"bits\":\"207ffffe\""));
        assertMessage("not a witness commitment", BCOIN_HEIGHT_1.replace("6a24aa21a9ede2f6", "6a24aa21a9eee2f6"));
        assertMessage("not JSON", "{");
        Transaction a = TestTransactions.legacy(1);
        assertMessage("does not match its data", template(5, "[]", "", json(a, 1).replace(a.txidDisplayHex(),
                TestTransactions.legacy(2).txidDisplayHex())));
        assertMessage("has witness data but 'rules'", template(5, "[\"csv\"]", "", json(TestTransactions.witness(1), 1)));
        assertMessage("transaction 0 'data'", template(5, "[]", "", "{\"data\":\"0100zz\"}"));
        assertMessage("not a transaction", template(5, "[]", "", "{\"data\":\"01000000\"}"));
        assertMessage("repeats txid", template(5, "[]", "", json(a, 1), json(a, 1)));
    }

    private static void assertMessage(String part, String json) {
        BlockTemplateException e = assertThrows(BlockTemplateException.class, () -> BlockTemplate.parse(json));
        assertTrue(e.getMessage().contains(part), () -> "message '" + e.getMessage() + "' should contain '" + part + "'");
    }
}
