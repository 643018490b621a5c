package io.poolkit.core.chain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poolkit.core.bytes.ByteFormatException;
import io.poolkit.core.bytes.Bytes;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

class CoinbaseProperties {

    /**
     * coinb1 || extranonce1 || extranonce2 || coinb2 is a valid coinbase for any extranonce bytes:
     * it parses, re-serializes to the same bytes, its script starts with the BIP34 height, holds the
     * extranonces right after the slot's push opcode, and its outputs claim exactly the value.
     */
    @Property(tries = 500)
    void completedCoinbaseIsAValidTransaction(@ForAll @LongRange(min = 0, max = 0xffffffffL) long height,
                                              @ForAll @LongRange(min = 0, max = 2_100_000_000_000_000L) long value,
                                              @ForAll @IntRange(min = 1, max = 16) int ex1Size,
                                              @ForAll @IntRange(min = 2, max = 16) int ex2Size,
                                              @ForAll @Size(max = 40) byte[] tag,
                                              @ForAll("bytes32") byte[] random,
                                              @ForAll boolean commitment) {
        byte[] ex1 = Bytes.slice(random, 0, ex1Size);
        byte[] ex2 = Bytes.slice(random, 32 - ex2Size, ex2Size);
        CoinbaseBuilder builder = CoinbaseBuilder.forHeight(height, value).payoutScript(Bytes.slice(random, 0, 22))
                .extranonce1Size(ex1Size).extranonce2Size(ex2Size).poolTag(tag);
        if (commitment) {
            builder.witnessCommitment(WitnessCommitment.script(List.of(random)), true);
        }
        CoinbaseSplit split = builder.build();
        Coinbase coinbase = split.complete(ex1, ex2);
        byte[] raw = Bytes.concat(split.coinb1(), ex1, ex2, split.coinb2());
        assertArrayEquals(raw, coinbase.bytes());

        Transaction tx = Transaction.parse(raw);
        assertTrue(tx.isCoinbase());
        assertArrayEquals(raw, tx.serialize());
        assertArrayEquals(coinbase.txidInternal(), tx.txidInternal());
        assertEquals(value, tx.outputTotal());
        byte[] script = tx.inputs().get(0).scriptSig();
        assertTrue(script.length >= 2 && script.length <= 100);
        byte[] heightPush = Scripts.pushNumber(height);
        assertArrayEquals(heightPush, Bytes.slice(script, 0, heightPush.length));
        assertEquals(ex1Size + ex2Size, script[heightPush.length]);
        assertArrayEquals(Bytes.concat(ex1, ex2), Bytes.slice(script, heightPush.length + 1, ex1Size + ex2Size));

        Transaction inBlock = Transaction.parse(coinbase.blockBytes());
        assertArrayEquals(tx.txidInternal(), inBlock.txidInternal());
        assertEquals(commitment, inBlock.hasWitness());
    }

    /** Arbitrary bytes never make the transaction parser fail with anything but a format error. */
    @Property(tries = 2000)
    void parserRejectsGarbageCleanly(@ForAll @Size(max = 300) byte[] bytes) {
        try {
            Transaction tx = Transaction.parse(bytes);
            assertArrayEquals(bytes, tx.serialize());
        } catch (ByteFormatException e) {
            // expected for almost every input
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage() != null && !e.getMessage().isEmpty());
        }
    }

    @Provide
    Arbitrary<byte[]> bytes32() {
        return Arbitraries.bytes().array(byte[].class).ofSize(32);
    }
}
