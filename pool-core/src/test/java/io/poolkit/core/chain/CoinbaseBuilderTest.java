package io.poolkit.core.chain;

import static io.poolkit.core.chain.TestTransactions.json;
import static io.poolkit.core.chain.TestTransactions.template;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poolkit.core.address.Address;
import io.poolkit.core.address.Addresses;
import io.poolkit.core.address.Networks;
import io.poolkit.core.bytes.Bytes;
import io.poolkit.core.bytes.Hex;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CoinbaseBuilderTest {

    private static final Address POOL = Addresses.p2pkh(Networks.BCOIN_REGTEST, Hex.decode("51f8947e13c581dee1968d272f4d2d0a44849f8d"));
    private static final byte[] EX1 = Hex.decode("b217bb4e");
    private static final byte[] EX2 = Hex.decode("00000001");

    @Test
    void layoutHeightSlotTagOutputs() {
        CoinbaseSplit split = CoinbaseBuilder.forHeight(432, 1_250_000_000L).payoutAddress(POOL).poolTag("/poolkit/").build();
        // version 2, one input, null prevout, script length 3 + 9 + 10 = 22 (0x16), height 432 = 02b001, slot push 08.
        assertEquals("02000000" + "01" + "00".repeat(32) + "ffffffff" + "16" + "02b001" + "08", split.coinb1Hex());
        assertEquals("09" + Hex.encode("/poolkit/".getBytes(java.nio.charset.StandardCharsets.US_ASCII)) + "ffffffff" + "01"
                + "807c814a00000000" + "1976a914" + "51f8947e13c581dee1968d272f4d2d0a44849f8d" + "88ac" + "00000000",
                split.coinb2Hex());
        Transaction tx = split.complete(EX1, EX2).transaction();
        assertTrue(tx.isCoinbase());
        assertEquals("02b00108" + "b217bb4e00000001" + "092f706f6f6c6b69742f", Hex.encode(tx.inputs().get(0).scriptSig()));
        assertEquals(1_250_000_000L, tx.outputTotal());
        assertFalse(split.witnessForm());
    }

    @ParameterizedTest
    @CsvSource({"1, 51", "16, 60", "17, 0111", "0, 00"})
    void smallHeightsUseOpcodes(long height, String push) {
        CoinbaseSplit split = CoinbaseBuilder.forHeight(height, 50).payoutAddress(POOL).build();
        Transaction tx = split.complete(EX1, EX2).transaction();
        assertTrue(Hex.encode(tx.inputs().get(0).scriptSig()).startsWith(push + "08"));
    }

    @Test
    void everyAddressKindPaysItsScript() {
        byte[] h20 = Hex.decode("751e76e8199196d454941c45d1b3a323f1433bd6");
        byte[] h32 = Hex.decode("1863143c14c5166804bd19203356da136c985678cd4d27a1b8c6329604903262");
        String[][] cases = {
            {"76a914" + Hex.encode(h20) + "88ac", Addresses.p2pkh(Networks.BITCOIN_MAIN, h20).text()},
            {"a914" + Hex.encode(h20) + "87", Addresses.p2sh(Networks.BITCOIN_MAIN, h20).text()},
            {"0014" + Hex.encode(h20), Addresses.segwit(Networks.BITCOIN_MAIN, 0, h20).text()},
            {"0020" + Hex.encode(h32), Addresses.segwit(Networks.BITCOIN_MAIN, 0, h32).text()},
            {"5120" + Hex.encode(h32), Addresses.segwit(Networks.BITCOIN_MAIN, 1, h32).text()},
        };
        for (String[] c : cases) {
            Address address = Addresses.parse(c[1], Networks.BITCOIN_MAIN);
            Transaction tx = CoinbaseBuilder.forHeight(800_000, 625_000_000L).payoutAddress(address).build()
                    .complete(EX1, EX2).transaction();
            assertEquals(c[0], Hex.encode(tx.outputs().get(0).script()), c[1]);
            assertEquals(625_000_000L, tx.outputs().get(0).value());
        }
    }

    @Test
    void extraOutputsComeOutOfThePayout() {
        byte[] fee = Hex.decode("0014" + "11".repeat(20));
        Transaction tx = CoinbaseBuilder.forHeight(100, 1000).payoutAddress(POOL).addOutput(new TxOutput(150, fee))
                .build().complete(EX1, EX2).transaction();
        assertEquals(850, tx.outputs().get(0).value());
        assertEquals(150, tx.outputs().get(1).value());
        assertArrayEquals(fee, tx.outputs().get(1).script());
        assertThrows(IllegalArgumentException.class, () -> CoinbaseBuilder.forHeight(100, 100).payoutAddress(POOL)
                .addOutput(new TxOutput(101, fee)).build());
    }

    @Test
    void witnessCommitmentIsLastAndComputedFromWtxids() {
        Transaction a = TestTransactions.legacy(1);
        Transaction b = TestTransactions.witness(2);
        BlockTemplate t = BlockTemplate.parse(template(500, "[\"csv\",\"!segwit\"]", "", json(a, 100), json(b, 200)));
        CoinbaseSplit split = CoinbaseBuilder.forTemplate(t).payoutAddress(POOL).build();
        assertTrue(split.witnessForm());
        Coinbase coinbase = split.complete(EX1, EX2);
        Transaction tx = coinbase.transaction();
        assertEquals(2, tx.outputs().size());
        TxOutput commitment = tx.outputs().get(1);
        assertEquals(0, commitment.value());
        assertArrayEquals(WitnessCommitment.script(List.of(a.wtxidInternal(), b.wtxidInternal())), commitment.script());
        // By hand: witness root over [0^32, wtxid(a), wtxid(b)], then SHA256d(root || 0^32).
        byte[] root = MerkleTree.hashPair(MerkleTree.hashPair(new byte[32], a.wtxidInternal()),
                MerkleTree.hashPair(b.wtxidInternal(), b.wtxidInternal()));
        assertEquals("6a24aa21a9ed" + Hex.encode(io.poolkit.core.pow.Sha256d.hash(Bytes.concat(root, new byte[32]))),
                Hex.encode(commitment.script()));
        // The block carries the witness reserved value; the txid (what miners hash) does not see it.
        assertEquals(List.of(Hex.encode(new byte[32])),
                tx.inputs().get(0).witness().stream().map(Hex::encode).toList());
        assertArrayEquals(coinbase.txidInternal(), tx.txidInternal());
        assertFalse(java.util.Arrays.equals(tx.txidInternal(), tx.wtxidInternal()));
        assertEquals(coinbase.bytes().length + 2 + 34, coinbase.blockBytes().length);
    }

    @Test
    void nodeCommitmentIsUsedAsGiven() {
        BlockTemplate preSegwit = BlockTemplate.parse(BlockTemplateTest.BCOIN_HEIGHT_1);
        CoinbaseSplit split = CoinbaseBuilder.forTemplate(preSegwit).payoutAddress(POOL).build();
        Transaction tx = split.complete(EX1, EX2).transaction();
        assertArrayEquals(preSegwit.defaultWitnessCommitment().orElseThrow(), tx.outputs().get(1).script());
        // Segwit is not active yet (bcoin regtest before height 432): the block must carry no witness.
        assertFalse(split.witnessForm());
        assertFalse(tx.hasWitness());
    }

    @Test
    void noCommitmentWithoutWitnessDataOrNodeCommitment() {
        BlockTemplate t = BlockTemplate.parse(template(600, "[\"!segwit\"]", "", json(TestTransactions.legacy(1), 5)));
        CoinbaseSplit split = CoinbaseBuilder.forTemplate(t).payoutAddress(POOL).build();
        assertFalse(split.witnessForm());
        assertEquals(1, split.complete(EX1, EX2).transaction().outputs().size());
    }

    @Test
    void refusesWhatCannotBeAValidCoinbase() {
        assertTrue(assertThrows(IllegalStateException.class, () -> CoinbaseBuilder.forHeight(1, 1).build())
                .getMessage().contains("payout"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CoinbaseBuilder.forHeight(1, 1).payoutAddress(POOL)
                .poolTag("x".repeat(90)).build()).getMessage().contains("shorten the pool tag"));
        assertThrows(IllegalArgumentException.class, () -> CoinbaseBuilder.forHeight(1, 1).extranonce2Size(1));
        assertThrows(IllegalArgumentException.class, () -> CoinbaseBuilder.forHeight(1, 1).extranonce2Size(17));
        CoinbaseSplit split = CoinbaseBuilder.forHeight(1, 1).payoutAddress(POOL).extranonce2Size(8).build();
        assertThrows(IllegalArgumentException.class, () -> split.complete(EX1, EX2));
        assertThrows(IllegalArgumentException.class, () -> CoinbaseSplit.ofHex("0100", "00", 4, 4, false));
    }

    @Test
    void builtSplitPassesTheSplitCheck() {
        CoinbaseSplit split = CoinbaseBuilder.forHeight(1234, 99).payoutAddress(POOL).poolTag("t").extranonce2Size(16).build();
        assertEquals(split, CoinbaseSplit.of(split.coinb1(), split.coinb2(), 4, 16, false));
    }
}
