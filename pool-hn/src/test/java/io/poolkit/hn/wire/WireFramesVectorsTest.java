package io.poolkit.hn.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.poolkit.core.bytes.Hex;
import io.poolkit.core.testing.TestVectors;
import io.poolkit.hn.ImmutableBytes;
import io.poolkit.hn.chain.PosBlock;
import io.poolkit.hn.chain.PosTransaction;
import io.poolkit.hn.consensus.ChainHeight;
import io.poolkit.hn.crypto.PosNetwork;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** hn/wire_frames.json: length-prefixed protobuf Command frames. */
class WireFramesVectorsTest {

    private static final JsonNode VECTORS = TestVectors.json("hn/wire_frames.json");
    private static final JsonNode BLOCKS = TestVectors.json("hn/blocks_txs_signatures.json");

    static Stream<JsonNode> frames() {
        return StreamSupport.stream(VECTORS.get("frames").spliterator(), false);
    }

    private static WireMessage frame(String labelStart) {
        for (JsonNode f : VECTORS.get("frames")) {
            if (f.get("label").asText().startsWith(labelStart)) {
                return Frames.decode(Hex.decode(f.get("frame_hex").asText()));
            }
        }
        throw new AssertionError("no frame labelled " + labelStart);
    }

    @Test
    void commandNumbersMatchTheProto() {
        Map<String, Integer> expected = new HashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = VECTORS.get("enum_Command_Type").fields();
        it.forEachRemaining(e -> expected.put(e.getKey(), e.getValue().asInt()));
        assertEquals(expected.size(), CommandType.values().length);
        for (CommandType t : CommandType.values()) {
            assertEquals(expected.get(t.name().toLowerCase(java.util.Locale.ROOT)), t.number(), t.name());
        }
    }

    @ParameterizedTest
    @MethodSource("frames")
    void decodeThenEncodeGivesTheSameBytes(JsonNode v) throws Exception {
        byte[] frame = Hex.decode(v.get("frame_hex").asText());
        byte[] payload = Hex.decode(v.get("payload_hex").asText());
        assertEquals(v.get("length").asInt(), payload.length);
        WireMessage message = Frames.decode(frame);
        assertEquals(message, Frames.decodePayload(payload));
        assertArrayEquals(payload, Frames.encodePayload(message), v.get("label").asText());
        assertArrayEquals(frame, Frames.encode(message), v.get("label").asText());
        assertEquals(message, Frames.read(new ByteArrayInputStream(frame), Frames.DEFAULT_MAX_PAYLOAD));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Frames.write(out, message);
        assertArrayEquals(frame, out.toByteArray());
        if (v.has("string_value")) {
            assertEquals(v.get("string_value").asText(), message.text().orElseThrow());
        }
    }

    @Test
    void helloFramesFromTheirParts() {
        String address = "BST6DHEgR3nT8RH1fRXHeT1cd7YY95N7zm";
        assertArrayEquals(Hex.decode(VECTORS.get("frames").get(0).get("frame_hex").asText()),
                Frames.encode(Hello.of("posnet0002", 6969, address, PosNetwork.MAINNET).toMessage()));
        assertArrayEquals(Hex.decode(VECTORS.get("frames").get(1).get("frame_hex").asText()),
                Frames.encode(Hello.of("posnet0002", 0, address, PosNetwork.MAINNET).toMessage()));
        Hello parsed = Hello.parse(frame("hello (client").text().orElseThrow());
        assertEquals(new Hello("posnet0002", 6969, address), parsed);
    }

    @Test
    void voidAndIntegerRequests() {
        assertEquals(WireMessage.of(CommandType.OK), frame("ok (void)"));
        assertEquals(WireMessage.of(CommandType.PING), frame("ping"));
        assertEquals(WireMessage.of(CommandType.STATUS), frame("status"));
        assertEquals(WireMessage.of(CommandType.GETROUND), frame("getround"));
        assertEquals(WireMessage.withText(CommandType.KO, "Bad Posnet posnet0001"), frame("ko with reason"));
        assertEquals(WireMessage.withInt32(CommandType.BLOCKINFO, 90140), frame("blockinfo"));
        assertEquals(WireMessage.withInt32(CommandType.ROUNDBLOCKS, 7186), frame("roundblocks"));
        assertEquals(WireMessage.withInt32(CommandType.BLOCKSYNC, 90141), frame("blocksync"));
        assertEquals(WireMessage.withInt32(CommandType.GETBLOCK, -1), frame("int32 negative"));
        assertEquals(WireMessage.withTransactions(CommandType.MEMPOOL, List.of()), frame("mempool empty"));
    }

    @Test
    void heightExchangeCarriesTheChainStatus() {
        ChainHeight status = frame("height exchange").status().orElseThrow();
        assertEquals(new ChainHeight(90140, 7650, 15, ImmutableBytes.fromHex("327087ddc8c2cf3919141610b030ec0572cb5ea4"),
                397, 156, 352, 8), status);
    }

    @Test
    void mempoolTransactionsAreSignedByTheirSenders() {
        List<PosTransaction> txs = frame("mempool with 2 txs").transactions();
        assertEquals(2, txs.size());
        for (PosTransaction tx : txs) {
            assertTrue(tx.signatureIsValid(), tx.toString());
        }
        assertEquals(BLOCKS.get("synthetic_signed_txs").get(0).get("signature_hex").asText(), txs.get(0).txid().hex());
    }

    @Test
    void testRequestIsAnUnsignedTransaction() {
        WireMessage m = frame("test request");
        assertEquals(CommandType.TEST, m.command());
        PosTransaction tx = m.transactions().get(0);
        assertTrue(tx.txid().isEmpty());
        assertTrue(tx.publicKey().isEmpty());
        assertEquals(202, tx.what());
        assertEquals("TEST:3", tx.params());
    }

    @Test
    void forgedBlockBroadcastHoldsTheSyntheticBlock() {
        WireMessage m = frame("forged block broadcast");
        assertEquals(CommandType.BLOCK, m.command());
        PosBlock block = m.blocks().get(0);
        JsonNode expected = BLOCKS.get("synthetic_block");
        assertEquals(expected.get("raw_hex").asText(), Hex.encode(block.raw()));
        assertEquals(expected.get("block_hash").asText(), block.blockHash().hex());
        assertTrue(block.hashIsValid());
        assertEquals(expected.get("signature_hex").asText(), block.signature().hex());
        assertTrue(block.signatureIsValid(Hex.decode(BLOCKS.get("synthetic_keys").get("key1").get("pub_hex").asText())));
        assertEquals(expected.get("msg_count").asLong(), block.msgCount());
        assertEquals(expected.get("uniques_sources").asLong(), block.uniquesSources());
        assertEquals(block.uniquesSources(), block.senders().size());
        assertEquals(expected.get("forger").asText(), block.forger());
        block.transactions().forEach(tx -> assertTrue(tx.signatureIsValid(), tx.toString()));
    }

    @Test
    void badFramesAreRefusedWithAClearError() {
        assertThrows(WireFormatException.class, () -> Frames.decode(Hex.decode("000000")));
        assertThrows(WireFormatException.class, () -> Frames.decode(Hex.decode("000000030801")));
        assertThrows(WireFormatException.class, () -> Frames.decode(Hex.decode("ffffffff0801")));
        // A message without its required command field.
        assertThrows(WireFormatException.class, () -> Frames.decode(Hex.decode("000000021200")));
        assertThrows(WireFormatException.class, () -> Frames.decodePayload(Hex.decode("1200")));
        assertThrows(WireFormatException.class,
                () -> Frames.read(new ByteArrayInputStream(Hex.decode("7fffffff")), Frames.DEFAULT_MAX_PAYLOAD));
        assertThrows(EOFException.class,
                () -> Frames.read(new ByteArrayInputStream(Hex.decode("0000000508")), Frames.DEFAULT_MAX_PAYLOAD));
        assertThrows(EOFException.class, () -> Frames.read(new ByteArrayInputStream(new byte[2]), 10));
    }
}
