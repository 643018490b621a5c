package io.poolkit.core.chain;

import static io.poolkit.core.chain.TestTransactions.json;
import static io.poolkit.core.chain.TestTransactions.template;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poolkit.core.address.Addresses;
import io.poolkit.core.address.Networks;
import io.poolkit.core.bytes.ByteReader;
import io.poolkit.core.bytes.Hex;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlockAssemblerTest {

    @Test
    void blockParsesBackWithMerkleRootAndWitnessCommitment() {
        Transaction a = TestTransactions.legacy(1);
        Transaction b = TestTransactions.witness(2);
        Transaction c = TestTransactions.witness(3);
        BlockTemplate t = BlockTemplate.parse(template(700, "[\"csv\",\"!segwit\"]", "", json(a, 1), json(b, 2), json(c, 3)));
        Coinbase coinbase = CoinbaseBuilder.forTemplate(t)
                .payoutAddress(Addresses.segwit(Networks.BCOIN_REGTEST, 0, new byte[20])).poolTag("/poolkit/").build()
                .complete(Hex.decode("01020304"), Hex.decode("0a0b0c0d"));
        BlockHeader header = BlockAssembler.header(t, coinbase, t.version(), t.curTime(), 12345);
        byte[] block = BlockAssembler.assemble(t, coinbase, header.serialize());

        ByteReader r = new ByteReader(block);
        assertEquals(header, BlockHeader.parse(r.readBytes(80)));
        assertEquals(4, r.readVarInt());
        List<Transaction> txs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            txs.add(Transaction.read(r));
        }
        r.expectEnd("block");
        assertEquals(List.of(coinbase.transaction(), a, b, c), txs);
        List<byte[]> txids = txs.stream().map(Transaction::txidInternal).toList();
        assertArrayEquals(MerkleTree.root(txids), header.merkleRootInternal());
        // The commitment in the coinbase matches the block's wtxids (coinbase counted as zero).
        List<byte[]> wtxids = txs.subList(1, 4).stream().map(Transaction::wtxidInternal).toList();
        List<TxOutput> outs = txs.get(0).outputs();
        assertArrayEquals(WitnessCommitment.script(wtxids), outs.get(outs.size() - 1).script());
        assertTrue(txs.get(0).hasWitness());
    }

    @Test
    void refusesHeadersThatDoNotMatch() {
        BlockTemplate t = BlockTemplate.parse(BlockTemplateTest.BCOIN_HEIGHT_1);
        CoinbaseSplit split = CoinbaseBuilder.forTemplate(t).payoutScript(Hex.decode("51")).build();
        Coinbase coinbase = split.complete(new byte[4], new byte[4]);
        Coinbase other = split.complete(new byte[4], new byte[] {0, 0, 0, 1});
        BlockHeader header = BlockAssembler.header(t, other, t.version(), t.curTime(), 0);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> BlockAssembler.assemble(t, coinbase, header.serialize()))
                .getMessage().contains("merkle root"));
        BlockHeader elsewhere = new BlockHeader(1, new byte[32], coinbase.merkleRootInternal(List.of()), 0, 0, 0);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> BlockAssembler.assemble(t, coinbase,
                elsewhere.serialize())).getMessage().contains("builds on"));
    }
}
