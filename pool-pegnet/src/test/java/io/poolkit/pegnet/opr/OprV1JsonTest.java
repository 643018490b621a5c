package io.poolkit.pegnet.opr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poolkit.core.testing.TestVectors;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** v1 JSON encoding reproduces the upstream vector and real mainnet v1 contents (pegnet's miner) byte for byte. */
class OprV1JsonTest {

    @Test
    void upstreamV1VectorReencodesIdentically() throws Exception {
        String text = TestVectors.text("pegnet/opr_vectors/v1_content.json").strip();
        Opr opr = OprCodec.decode(1, text.getBytes(StandardCharsets.UTF_8));
        assertEquals(text, new String(OprV1Json.encode(opr), StandardCharsets.UTF_8));
    }

    @Test
    void realV1EntriesReencodeIdentically() throws Exception {
        int same = 0;
        int v1 = 0;
        int other = 0;
        for (int height : RealBlocks.HEIGHTS) {
            for (FactomEntry e : RealBlocks.block(height).entries()) {
                byte[] version = e.extIds().get(2);
                if (version.length != 1 || version[0] != 1) {
                    continue;
                }
                Opr opr;
                try {
                    opr = OprCodec.decode(1, e.content());
                } catch (OprFormatException bad) {
                    continue;
                }
                String content = new String(e.content(), StandardCharsets.UTF_8);
                if (!content.startsWith("{\"coinbase\"")) {
                    other++; // another miner (orax) wrote its keys in alphabetical order
                    continue;
                }
                v1++;
                if (content.equals(new String(OprV1Json.encode(opr), StandardCharsets.UTF_8))) {
                    same++;
                }
            }
        }
        assertTrue(v1 > 100, "v1 entries " + v1);
        assertEquals(v1, same, "every real v1 content from pegnet's Go miner re-encodes to its own bytes");
        assertEquals(34, other);
    }

    @Test
    void goFloatFormatting() {
        assertEquals("0", OprV1Json.goFloat(0));
        assertEquals("1", OprV1Json.goFloat(1));
        assertEquals("0.0092", OprV1Json.goFloat(0.0092));
        assertEquals("1497.0059", OprV1Json.goFloat(1497.0059));
        assertEquals("0.000001", OprV1Json.goFloat(1e-6));
        assertEquals("1e-7", OprV1Json.goFloat(1e-7));
        assertEquals("1.5e-8", OprV1Json.goFloat(1.5e-8));
        assertEquals("1e+21", OprV1Json.goFloat(1e21));
        assertEquals("100000000000000000000", OprV1Json.goFloat(1e20));
    }

    @Property(tries = 300)
    void encodedPricesReadBackExactly(@ForAll double price) {
        if (Double.isNaN(price) || Double.isInfinite(price)) {
            return;
        }
        assertEquals(price, Double.parseDouble(OprV1Json.goFloat(price)));
    }

    @Test
    void refusesV2Records() {
        Opr v2 = Opr.ofUnits(2, "FA", "id", 210330, List.of(), new long[OprVersions.assets(2).size()]);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> OprV1Json.encode(v2));
    }
}
