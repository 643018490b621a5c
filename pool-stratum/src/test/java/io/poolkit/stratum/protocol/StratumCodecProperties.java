package io.poolkit.stratum.protocol;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class StratumCodecProperties {

    private final StratumCodec codec = new StratumCodec();

    @Property(tries = 2000)
    void neverThrowsOnArbitraryText(@ForAll String line) {
        assertNotNull(codec.parse(line));
    }

    @Property(tries = 2000)
    void neverThrowsOnJsonLikeNoise(@ForAll("jsonish") String line) {
        assertNotNull(codec.parse(line));
    }

    @Provide
    Arbitrary<String> jsonish() {
        return Arbitraries.strings().withChars("{}[]\":,0123456789.eE-+ truefalsnmiogd_\\u").ofMaxLength(200)
                .map(s -> "{\"id\":1,\"method\":\"mining.submit\",\"params\":" + s);
    }
}
