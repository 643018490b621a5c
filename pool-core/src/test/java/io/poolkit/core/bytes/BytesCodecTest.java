package io.poolkit.core.bytes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BytesCodecTest {

    @Test
    void hexRejectsOddLengthAndBadCharactersWithPosition() {
        assertTrue(assertThrows(HexFormatException.class, () -> Hex.decode("abc")).getMessage().contains("odd"));
        assertTrue(assertThrows(HexFormatException.class, () -> Hex.decode("00zz")).getMessage().contains("position 2"));
        assertTrue(assertThrows(HexFormatException.class, () -> Hex.decode("0\u0660")).getMessage().contains("U+0660"));
        assertArrayEquals(new byte[] {0, (byte) 0xab, (byte) 0xCD}, Hex.decode("00aBCd"));
        assertThrows(HexFormatException.class, () -> Hex.decode("0011", 3, "hash"));
    }

    @Test
    void varIntUsesTheShortestFormAndReaderRejectsLongerOnes() {
        assertEquals("fc", Hex.encode(VarInt.encode(0xfc)));
        assertEquals("fdfd00", Hex.encode(VarInt.encode(0xfd)));
        assertEquals("fe00000100", Hex.encode(VarInt.encode(0x10000)));
        assertEquals("ff0000000001000000", Hex.encode(VarInt.encode(0x100000000L)));
        assertEquals("ffffffffffffffffff", Hex.encode(VarInt.encode(-1L)));
        assertEquals(-1L, new ByteReader(Hex.decode("ffffffffffffffffff")).readVarInt());
        assertThrows(ByteFormatException.class, () -> new ByteReader(Hex.decode("fd0100")).readVarInt());
        assertThrows(ByteFormatException.class, () -> new ByteReader(Hex.decode("feffff0000")).readVarInt());
    }

    @Test
    void readerFailsCleanlyOnTruncationAndOversizedLengths() {
        ByteReader r = new ByteReader(Hex.decode("0102"));
        ByteFormatException e = assertThrows(ByteFormatException.class, r::readInt32Le);
        assertTrue(e.getMessage().contains("offset 0"));
        ByteReader lying = new ByteReader(Hex.decode("ffffffffffffffff7f00"));
        assertThrows(ByteFormatException.class, lying::readVarBytes);
        ByteReader trailing = new ByteReader(Hex.decode("0100"));
        trailing.readUint8();
        assertThrows(ByteFormatException.class, () -> trailing.expectEnd("thing"));
    }

    @Test
    void writerAndReaderAgreeOnEveryField() {
        byte[] data = new ByteWriter(1).writeUint8(7).writeUint16Le(0xbeef).writeInt32Le(-2).writeUint32Le(0xfffffffeL)
                .writeInt64Le(Long.MIN_VALUE).writeInt32Be(0x01020304).writeVarBytes(new byte[300]).toByteArray();
        ByteReader r = new ByteReader(data);
        assertEquals(7, r.readUint8());
        assertEquals(0xbeef, r.readUint16Le());
        assertEquals(-2, r.readInt32Le());
        assertEquals(0xfffffffeL, r.readUint32Le());
        assertEquals(Long.MIN_VALUE, r.readInt64Le());
        assertEquals(0x01020304, r.readInt32Be());
        assertEquals(300, r.readVarBytes().length);
        r.expectEnd("record");
    }

    @Test
    void endianHelpersAreMirrorImages() {
        byte[] b = new byte[8];
        LittleEndian.writeInt64(b, 0, 0x0102030405060708L);
        assertEquals("0807060504030201", Hex.encode(b));
        assertEquals(0x0102030405060708L, BigEndian.readInt64(Bytes.reversed(b), 0));
        BigEndian.writeUint16(b, 0, 0xabcd);
        assertEquals(0xcdab, LittleEndian.readUint16(b, 0));
    }
}
