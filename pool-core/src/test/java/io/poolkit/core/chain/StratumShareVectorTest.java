package io.poolkit.core.chain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.poolkit.core.bytes.ByteReader;
import io.poolkit.core.bytes.Bytes;
import io.poolkit.core.bytes.Hex;
import io.poolkit.core.target.CompactBits;
import io.poolkit.core.testing.TestVectors;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * hash/stratum_share_ltc29255.json: a real Litecoin block (29255) as a stratum job and share. The
 * split coinbase completed with the share's extranonces must give the real coinbase, its txid, the
 * merkle root and the real header; the notify encodings must round-trip; the assembled block must
 * be header, count, coinbase.
 */
class StratumShareVectorTest {

    private final JsonNode v = TestVectors.json("hash/stratum_share_ltc29255.json");
    private final JsonNode notify = v.get("notify_params");
    private final JsonNode submit = v.get("submit_params");
    private final JsonNode expected = v.get("expected");

    private Coinbase coinbase() {
        JsonNode sub = v.get("subscribe_result");
        CoinbaseSplit split = CoinbaseSplit.ofHex(notify.get(2).asText(), notify.get(3).asText(), 4,
                sub.get("extranonce2_size").asInt(), false);
        return split.complete(Hex.decode(sub.get("extranonce1").asText()), Hex.decode(submit.get(2).asText()));
    }

    private List<byte[]> branch() {
        List<byte[]> branch = new ArrayList<>();
        notify.get(4).forEach(b -> branch.add(Hex.decode(b.asText())));
        return branch;
    }

    private BlockHeader header(Coinbase coinbase) {
        int version = (int) StratumEncoding.parseUint32Hex(notify.get(5).asText(), "version");
        int bits = CompactBits.parseHex(notify.get(6).asText());
        long ntime = StratumEncoding.parseUint32Hex(submit.get(3).asText(), "ntime");
        long nonce = StratumEncoding.parseUint32Hex(submit.get(4).asText(), "nonce");
        return new BlockHeader(version, StratumEncoding.prevHashFromNotify(notify.get(1).asText()),
                coinbase.merkleRootInternal(branch()), ntime, bits, nonce);
    }

    @Test
    void coinbaseTxidMerkleRootAndHeader() {
        Coinbase coinbase = coinbase();
        assertEquals(expected.get("coinbase_hex").asText(), coinbase.hex());
        assertEquals(expected.get("coinbase_txid_display").asText(), coinbase.txidDisplayHex());
        assertEquals(expected.get("merkle_root_internal").asText(), Hex.encode(coinbase.merkleRootInternal(branch())));
        BlockHeader header = header(coinbase);
        assertEquals(expected.get("header_hex").asText(), Hex.encode(header.serialize()));
        assertEquals(expected.get("block_hash_sha256d_display").asText(), header.hashDisplayHex());
        assertFalse(coinbase.witnessForm());
        assertArrayEquals(coinbase.bytes(), coinbase.blockBytes());
    }

    @Test
    void coinbaseParsesAsTheRealTransaction() {
        Transaction tx = coinbase().transaction();
        assertTrue(tx.isCoinbase());
        assertEquals(1, tx.version());
        assertEquals(1, tx.outputs().size());
        assertEquals(5_000_000_000L, tx.outputTotal());
        assertEquals(0xffffffffL, tx.inputs().get(0).sequence());
        assertEquals("04b217bb4e022309", Hex.encode(tx.inputs().get(0).scriptSig()));
        assertEquals(expected.get("coinbase_hex").asText(), Hex.encode(tx.serialize()));
        assertEquals(expected.get("coinbase_txid_display").asText(), tx.txidDisplayHex());
    }

    @Test
    void notifyEncodingsRoundTrip() {
        BlockHeader header = BlockHeader.parseHex(expected.get("header_hex").asText());
        assertEquals(notify.get(1).asText(), StratumEncoding.prevHashForNotify(header.previousHashInternal()));
        assertEquals(notify.get(5).asText(), StratumEncoding.uint32Hex(header.version()));
        assertEquals(notify.get(6).asText(), CompactBits.toHex(header.bits()));
        assertEquals(notify.get(7).asText(), StratumEncoding.uint32Hex(header.time()));
        assertEquals(submit.get(4).asText(), StratumEncoding.uint32Hex(header.nonce()));
    }

    @Test
    void assembledBlockIsHeaderCountCoinbase() {
        BlockHeader header = BlockHeader.parseHex(expected.get("header_hex").asText());
        BlockTemplate template = BlockTemplate.parse("{\"version\":1,\"previousblockhash\":\""
                + header.previousHashDisplayHex() + "\",\"transactions\":[],\"coinbasevalue\":5000000000,"
                + "\"bits\":\"1d018ea7\",\"curtime\":1320884152,\"height\":29255}");
        Coinbase coinbase = coinbase();
        assertEquals(header, BlockAssembler.header(template, coinbase, 1, header.time(), header.nonce()));
        byte[] block = BlockAssembler.assemble(template, coinbase, header.serialize());
        assertEquals(expected.get("header_hex").asText() + "01" + expected.get("coinbase_hex").asText(), Hex.encode(block));
        ByteReader r = new ByteReader(block, BlockHeader.SIZE + 1, block.length - BlockHeader.SIZE - 1);
        assertEquals(coinbase.txidDisplayHex(), Transaction.read(r).txidDisplayHex());
        r.expectEnd("block");
        assertEquals(expected.get("merkle_root_internal").asText(), Hex.encode(header.merkleRootInternal()));
        assertEquals(Hex.encode(Bytes.reversed(header.merkleRootInternal())), header.merkleRootDisplayHex());
    }
}
