package io.poolkit.core.bytes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class BytesProperties {

    @Property
    void hexRoundTrips(@ForAll byte[] bytes) {
        String hex = Hex.encode(bytes);
        assertEquals(bytes.length * 2, hex.length());
        assertArrayEquals(bytes, Hex.decode(hex));
        assertArrayEquals(bytes, Hex.decode(hex.toUpperCase(java.util.Locale.ROOT)));
    }

    @Property
    void varIntRoundTrips(@ForAll long value) {
        byte[] encoded = VarInt.encode(value);
        assertEquals(VarInt.size(value), encoded.length);
        ByteReader r = new ByteReader(encoded);
        assertEquals(value, r.readVarInt());
        r.expectEnd("varint");
    }
}
