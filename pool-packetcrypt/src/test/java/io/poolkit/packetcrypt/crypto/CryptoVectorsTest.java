package io.poolkit.packetcrypt.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.poolkit.core.bytes.Hex;
import io.poolkit.packetcrypt.Vectors;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CryptoVectorsTest {

    static Stream<JsonNode> hashExpand() {
        return Vectors.list(Vectors.primitives().get("hash_expand").get("vectors")).stream();
    }

    static Stream<JsonNode> aead() {
        return Vectors.list(Vectors.primitives().get("cryptocycle_aead").get("vectors")).stream();
    }

    @ParameterizedTest
    @MethodSource("hashExpand")
    void hashExpandMatches(JsonNode v) {
        byte[] out = new byte[v.get("length").asInt()];
        new HashExpand().expand(out, 0, out.length, Vectors.hex(v.get("key")), 0, v.get("counter").asInt());
        assertEquals(v.get("output").asText(), Hex.encode(out));
        int[] words = new int[out.length / 4];
        new HashExpand().expandWords(words, 0, words.length, Vectors.hex(v.get("key")), 0, v.get("counter").asInt());
        byte[] back = new byte[out.length];
        Words.toBytes(words, 0, back, 0, words.length);
        assertArrayEquals(out, back);
    }

    @Test
    void blake2bMatchesThePacketcryptRsTests() {
        JsonNode b = Vectors.primitives().get("blake2b");
        byte[] hello = "hello world".getBytes(StandardCharsets.US_ASCII);
        assertEquals(b.get("compress32_hello_world").asText(), Hex.encode(Blake2b.hash32(hello)));
        assertEquals(b.get("compress64_hello_world").asText(), Hex.encode(Blake2b.hash64(hello)));
        byte[] out = new byte[64];
        new Blake2b().hash64(hello, 0, hello.length, out, 0);
        assertEquals(b.get("compress64_hello_world").asText(), Hex.encode(out));
    }

    /** Builds a CryptoCycle state as pktd's tests do and checks ciphertext then tag. */
    @ParameterizedTest
    @MethodSource("aead")
    void cryptoCycleIsChaCha20Poly1305(JsonNode v) {
        byte[] key = v.get("key_ascii").asText().getBytes(StandardCharsets.US_ASCII);
        byte[] msg = v.get("plaintext_ascii").asText().getBytes(StandardCharsets.US_ASCII);
        byte[] aad = v.get("aad_ascii").asText().getBytes(StandardCharsets.US_ASCII);
        byte[] nonce = Vectors.hex(v.get("nonce"));
        byte[] s = new byte[CryptoCycle.STATE_SIZE];
        int l16 = (msg.length + 15) / 16;
        int a16 = (aad.length + 15) / 16;
        int data = (l16 << 17) | ((l16 * 16 - msg.length) << 8) | (a16 << 13) | (a16 * 16 - aad.length);
        Words.putInt(s, 12, data);
        System.arraycopy(nonce, 0, s, 0, 12);
        System.arraycopy(key, 0, s, 16, 32);
        System.arraycopy(aad, 0, s, 48, aad.length);
        System.arraycopy(msg, 0, s, 48 + a16 * 16, msg.length);
        new CryptoCycle().crypt(s);
        assertFalse(CryptoCycle.isFailed(s));
        String out = Hex.encode(s, 48 + a16 * 16, msg.length) + Hex.encode(s, 16, 16);
        assertEquals(v.get("expected_ciphertext_then_tag").asText(), out);

        // Decrypting the ciphertext gives the message back and the same tag.
        byte[] d = new byte[CryptoCycle.STATE_SIZE];
        Words.putInt(d, 12, data | (1 << 12));
        System.arraycopy(nonce, 0, d, 0, 12);
        System.arraycopy(key, 0, d, 16, 32);
        System.arraycopy(aad, 0, d, 48, aad.length);
        System.arraycopy(s, 48 + a16 * 16, d, 48 + a16 * 16, msg.length);
        new CryptoCycle().crypt(d);
        assertEquals(Hex.encode(msg), Hex.encode(d, 48 + a16 * 16, msg.length));
        assertEquals(Hex.encode(s, 16, 16), Hex.encode(d, 16, 16));
    }

    @Test
    void aFailedOrVersionedStateIsLeftAlone() {
        for (int bits : List.of(1 << 24, 1 << 25)) {
            byte[] s = new byte[CryptoCycle.STATE_SIZE];
            Words.putInt(s, 12, bits | (2 << 17));
            byte[] before = s.clone();
            new CryptoCycle().crypt(s);
            before[15] |= 1; // the failed bit
            assertArrayEquals(before, s);
        }
    }
}
