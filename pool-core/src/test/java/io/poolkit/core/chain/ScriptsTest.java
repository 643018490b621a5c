package io.poolkit.core.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.poolkit.core.bytes.Hex;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Number pushes as Bitcoin Core's {@code CScript() << n} writes them (BIP34 heights). */
class ScriptsTest {

    @ParameterizedTest
    @CsvSource({
        "0, 00", "1, 51", "16, 60", "17, 0111", "127, 017f", "128, 028000", "255, 02ff00", "256, 020001",
        // bcoin 1.0.2's own regtest coinbase at height 432 starts 02b001.
        "432, 02b001", "32767, 02ff7f", "32768, 03008000", "227931, 035b7a03", "500000, 0320a107",
        "8388607, 03ffff7f", "8388608, 0400008000", "-1, 4f", "-2, 0182", "-128, 028080",
    })
    void pushNumber(long n, String hex) {
        assertEquals(hex, Hex.encode(Scripts.pushNumber(n)));
    }

    @ParameterizedTest
    @CsvSource({"0, 00", "75, 4b", "76, 4c4c", "255, 4cff", "256, 4d0001"})
    void pushDataPrefix(int length, String prefixHex) {
        byte[] push = Scripts.pushData(new byte[length]);
        assertEquals(prefixHex, Hex.encode(push, 0, push.length - length));
    }
}
