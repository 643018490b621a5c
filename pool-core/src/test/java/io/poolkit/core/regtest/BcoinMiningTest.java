package io.poolkit.core.regtest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.poolkit.core.address.Address;
import io.poolkit.core.address.AddressKind;
import io.poolkit.core.address.Addresses;
import io.poolkit.core.bytes.ByteReader;
import io.poolkit.core.bytes.Hex;
import io.poolkit.core.chain.BlockHeader;
import io.poolkit.core.chain.BlockTemplate;
import io.poolkit.core.chain.Transaction;
import io.poolkit.core.chain.TxOutput;
import io.poolkit.core.chain.WitnessCommitment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Mines on a real bcoin regtest node: template, our coinbase, our header and nonce, submitblock;
 * bcoin must take the block and its coinbase must pay our address. First before segwit activates
 * (height 1), then after (height 433) with wallet transactions in the template.
 */
@Tag("bcoin")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BcoinMiningTest {

    private static BcoinRegtestNode bcoin;

    @BeforeAll
    static void startNode() {
        bcoin = BcoinRegtestNode.start();
    }

    @AfterAll
    static void stopNode() {
        if (bcoin != null) {
            bcoin.close();
        }
    }

    @Test
    @Order(1)
    void minesABlockBeforeSegwitPayingAWalletAddress() {
        Address payout = Addresses.parse(bcoin.getNewAddress(), bcoin.network());
        assertEquals(AddressKind.P2PKH, payout.kind());
        long height = bcoin.getBlockCount();
        BlockTemplate template = bcoin.getBlockTemplate();
        assertEquals(height + 1, template.height());
        assertFalse(template.segwitActive());

        RegtestMining.Solved solved = RegtestMining.solve(template, payout, Hex.decode("00000001"), Hex.decode("cafe0001"));
        assertTrue(bcoin.submitBlock(solved.blockHex()).isNull(), "bcoin rejected the block");

        assertEquals(height + 1, bcoin.getBlockCount());
        assertEquals(solved.header().hashDisplayHex(), bcoin.getBestBlockHash());
        Transaction coinbase = coinbaseOf(bcoin.getBestBlockHash());
        assertEquals(solved.coinbase().txidDisplayHex(), coinbase.txidDisplayHex());
        TxOutput paid = coinbase.outputs().get(0);
        assertArrayEquals(payout.outputScript(), paid.script());
        assertEquals(template.coinbaseValue(), paid.value());
        assertEquals(template.height(), bcoin.getBlock(bcoin.getBestBlockHash()).get("height").asLong());
    }

    @Test
    @Order(2)
    void minesASegwitBlockWithWalletTransactionsToASegwitAddress() {
        String miner = bcoin.getNewAddress();
        // 432 blocks activate segwit on bcoin regtest and mature the first coinbases.
        bcoin.generateToAddress(432 - (int) bcoin.getBlockCount(), miner);
        assertTrue(bcoin.getBalanceSats() > 0);
        String receiver = bcoin.getNewAddress();
        String txid = bcoin.sendMany(Map.of(receiver, 150_000_000L, bcoin.getNewAddress(), 25_000_000L), "pool payout");
        // bcoin lists the account's history oldest first, so ask for all of it.
        assertTrue(bcoin.listTransactions(1000).toString().contains(txid));

        BlockTemplate template = bcoin.getBlockTemplate();
        assertTrue(template.segwitActive());
        assertEquals(1, template.transactions().size());
        assertEquals(txid, template.transactions().get(0).txidDisplayHex());
        assertTrue(template.coinbaseValue() > 0);
        // Our witness commitment agrees with bcoin's for a template with real transactions.
        assertArrayEquals(template.defaultWitnessCommitment().orElseThrow(),
                WitnessCommitment.script(template.wtxidsInternal()));

        Address payout = Addresses.segwit(bcoin.network(), 0, Hex.decode("751e76e8199196d454941c45d1b3a323f1433bd6"));
        long height = bcoin.getBlockCount();
        RegtestMining.Solved solved = RegtestMining.solve(template, payout, Hex.decode("00000002"), Hex.decode("00000000"));
        assertTrue(solved.coinbase().witnessForm());
        assertTrue(bcoin.submitBlock(solved.blockHex()).isNull(), "bcoin rejected the segwit block");
        assertEquals(height + 1, bcoin.getBlockCount());

        String hash = bcoin.getBestBlockHash();
        assertEquals(solved.header().hashDisplayHex(), hash);
        List<Transaction> txs = transactionsOf(hash);
        assertEquals(2, txs.size());
        assertEquals(txid, txs.get(1).txidDisplayHex());
        Transaction coinbase = txs.get(0);
        assertArrayEquals(payout.outputScript(), coinbase.outputs().get(0).script());
        assertEquals(List.of(Hex.encode(new byte[32])), coinbase.inputs().get(0).witness().stream().map(Hex::encode).toList());
        JsonNode mempool = bcoin.rpc().call("getrawmempool", List.of());
        assertEquals(0, mempool.size(), "the mined transaction left the mempool");

        // invalidateblock takes our block off the chain again.
        bcoin.invalidateBlock(hash);
        assertEquals(height, bcoin.getBlockCount());
        assertNotEquals(hash, bcoin.getBestBlockHash());
    }

    private static Transaction coinbaseOf(String hash) {
        return transactionsOf(hash).get(0);
    }

    private static List<Transaction> transactionsOf(String hash) {
        byte[] block = bcoin.getBlockBytes(hash);
        ByteReader r = new ByteReader(block);
        BlockHeader.parse(r.readBytes(BlockHeader.SIZE));
        long count = r.readVarInt();
        List<Transaction> txs = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            txs.add(Transaction.read(r));
        }
        r.expectEnd("block " + hash);
        return txs;
    }
}
