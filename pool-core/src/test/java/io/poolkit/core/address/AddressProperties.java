package io.poolkit.core.address;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class AddressProperties {

    @Property
    void base58CheckRoundTrips(@ForAll @Size(max = 80) byte[] payload) {
        assertArrayEquals(payload, Base58.decodeChecked(Base58.encodeChecked(payload)));
    }

    @Property
    void base58RoundTrips(@ForAll @Size(max = 80) byte[] raw) {
        assertArrayEquals(raw, Base58.decode(Base58.encode(raw)));
    }

    @Property
    void anySingleCharacterChangeIsCaught(@ForAll @Size(value = 20) byte[] hash,
                                          @ForAll @IntRange(min = 0, max = 33) int position,
                                          @ForAll("base58Chars") char replacement) {
        String text = Addresses.p2pkh(Networks.QTUM_MAIN, hash).text();
        if (position >= text.length() || text.charAt(position) == replacement) {
            return;
        }
        String changed = text.substring(0, position) + replacement + text.substring(position + 1);
        assertThrows(AddressException.class, () -> Addresses.parse(changed, Networks.QTUM_MAIN));
    }

    @Property
    void segwitRoundTrips(@ForAll @IntRange(min = 0, max = 16) int version, @ForAll @Size(min = 2, max = 40) byte[] program) {
        if (version == 0 && program.length != 20 && program.length != 32) {
            return;
        }
        Address a = Addresses.segwit(Networks.QTUM_MAIN, version, program);
        Address back = Addresses.parse(a.text(), Networks.QTUM_MAIN);
        assertEquals(a, back);
        assertArrayEquals(program, back.payload());
    }

    @Provide
    Arbitrary<Character> base58Chars() {
        return Arbitraries.of("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".chars()
                .mapToObj(c -> (char) c).toArray(Character[]::new));
    }
}
