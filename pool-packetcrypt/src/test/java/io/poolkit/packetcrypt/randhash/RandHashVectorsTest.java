package io.poolkit.packetcrypt.randhash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.poolkit.core.bytes.Hex;
import io.poolkit.packetcrypt.Vectors;
import io.poolkit.packetcrypt.crypto.Blake2b;
import io.poolkit.packetcrypt.crypto.HashExpand;
import io.poolkit.packetcrypt.crypto.Words;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RandHashVectorsTest {

    static Stream<JsonNode> randgen() {
        return Vectors.list(Vectors.primitives().get("randgen").get("vectors")).stream();
    }

    static Stream<JsonNode> interpret() {
        return Vectors.list(Vectors.primitives().get("randhash_interpret").get("vectors")).stream();
    }

    static byte[] le(int[] words, int count) {
        byte[] out = new byte[4 * count];
        Words.toBytes(words, 0, out, 0, count);
        return out;
    }

    @ParameterizedTest
    @MethodSource("randgen")
    void generatesTheReferenceProgram(JsonNode v) {
        int[] prog = new int[RandGen.MAX_INSNS];
        int n = new RandGen().generate(Vectors.hex(v.get("seed")), 0, prog);
        assertEquals(v.get("insn_count").asInt(), n);
        for (int i = 0; i < v.get("first_8_insns").size(); i++) {
            assertEquals(v.get("first_8_insns").get(i).asText(), String.format("%08x", prog[i]), "insn " + i);
        }
        assertEquals(v.get("last_insn").asText(), String.format("%08x", prog[n - 1]));
        assertEquals(v.get("program_blake2b256_of_le_u32_words").asText(), Hex.encode(Blake2b.hash32(le(prog, n))));
        if (v.has("program_le_u32_hex")) {
            assertEquals(v.get("program_le_u32_hex").asText(), Hex.encode(le(prog, n)));
        }
    }

    @ParameterizedTest
    @MethodSource("interpret")
    void interpretsLikeTheReference(JsonNode v) {
        byte[] seed = Vectors.hex(v.get("program_seed"));
        int[] prog = new int[RandGen.MAX_INSNS];
        int n = new RandGen().generate(seed, 0, prog);
        assertTrue(n > 0);
        HashExpand expand = new HashExpand();
        byte[] stateBytes = new byte[2048];
        expand.expand(stateBytes, 0, 2048, seed, 0, 1);
        assertEquals(v.get("state_in_blake2b256").asText(), Hex.encode(Blake2b.hash32(stateBytes)));
        int[] state = new int[Interpreter.STATE_WORDS];
        Words.toInts(stateBytes, 0, state, 0, state.length);
        int[] memory = new int[Interpreter.MEMORY_WORDS];
        expand.expandWords(memory, 0, memory.length, seed, 0, 2);
        boolean ok = new Interpreter().run(prog, n, state, memory, 0, v.get("cycles").asInt());
        assertEquals(v.get("ok").asBoolean(), ok);
        Words.toBytes(state, 0, stateBytes, 0, state.length);
        assertEquals(v.get("state_out_first64").asText(), Hex.encode(stateBytes, 0, 64));
        assertEquals(v.get("state_out_1024_1088").asText(), Hex.encode(stateBytes, 1024, 64));
        assertEquals(v.get("state_out_blake2b256").asText(), Hex.encode(Blake2b.hash32(stateBytes)));
    }
}
