package io.poolkit.packetcrypt.ann;

import io.poolkit.packetcrypt.crypto.CryptoCycle;
import io.poolkit.packetcrypt.crypto.HashExpand;
import io.poolkit.packetcrypt.crypto.Words;
import io.poolkit.packetcrypt.randhash.Interpreter;
import io.poolkit.packetcrypt.randhash.RandGen;

/**
 * Makes v1 table items. {@link #loadProgram} generates the program for a 32-byte seed and the
 * 8192-byte memory {@code HashExpand(8192, seed, 0)} with the program words written over its
 * start; {@link #makeItem} then runs the program for 2 cycles over
 * {@code CryptoCycle.init(itemSeed, itemNo)} with the 1024-byte memory window at word
 * {@code itemNo % 1792}, makes the state fuzzable, crypts it and takes its first 1024 bytes.
 * Not thread safe.
 */
final class ItemMaker {

    static final int TABLE_SIZE = 8192;
    private static final int MEMORY_WORDS = 2048;
    private static final int CYCLES = 2;

    private final RandGen randGen = new RandGen();
    private final Interpreter interpreter = new Interpreter();
    private final HashExpand expand = new HashExpand();
    private final CryptoCycle cycle;
    private final int[] program = new int[RandGen.MAX_INSNS];
    private final int[] memory = new int[MEMORY_WORDS];
    private int programLength;
    private final byte[] itemState = new byte[CryptoCycle.STATE_SIZE];
    private final int[] stateWords = new int[Interpreter.STATE_WORDS];

    ItemMaker(CryptoCycle cycle) {
        this.cycle = cycle;
    }

    /** Prepares the program and memory for {@code seed[off..off+32)}; false if the program is too big. */
    boolean loadProgram(byte[] seed, int off) {
        int n = randGen.generate(seed, off, program);
        if (n == RandGen.TOO_BIG || n == 0) {
            programLength = 0;
            return false;
        }
        expand.expandWords(memory, 0, MEMORY_WORDS, seed, off, 0);
        System.arraycopy(program, 0, memory, 0, n);
        programLength = n;
        interpreter.load(program, n);
        return true;
    }

    /** Length of the loaded program in instructions. */
    int programLength() {
        return programLength;
    }

    /** Copies the loaded program's words into {@code out}. */
    void copyProgram(int[] out) {
        System.arraycopy(program, 0, out, 0, programLength);
    }

    /**
     * Writes item {@code itemNo} for {@code itemSeed[seedOff..seedOff+32)} to {@code out[outOff..]}
     * (1024 bytes); false if the program ran too long.
     */
    boolean makeItem(int itemNo, byte[] itemSeed, int seedOff, byte[] out, int outOff) {
        if (programLength == 0) {
            return false;
        }
        cycle.init(itemState, itemSeed, seedOff, itemNo);
        Words.toInts(itemState, 0, stateWords, 0, Interpreter.STATE_WORDS);
        int window = itemNo % (MEMORY_WORDS - Interpreter.MEMORY_WORDS);
        if (!interpreter.runLoaded(stateWords, memory, window, CYCLES)) {
            return false;
        }
        Words.toBytes(stateWords, 0, itemState, 0, Interpreter.STATE_WORDS);
        CryptoCycle.makeFuzzable(itemState);
        cycle.crypt(itemState);
        System.arraycopy(itemState, 0, out, outOff, CryptoCycle.ITEM_SIZE);
        return true;
    }
}
