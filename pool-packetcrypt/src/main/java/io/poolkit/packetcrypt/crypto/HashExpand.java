package io.poolkit.packetcrypt.crypto;

/**
 * PacketCrypt's HashExpand: the ChaCha20 keystream under a 32-byte key with the nonce
 * {@code le32(counter) || "PC_EXPND"}, from block 0. Used to seed states, program memory and the
 * program generator's random stream. Not thread safe.
 */
public final class HashExpand {

    /** "PC_E" and "XPND" read as little-endian words. */
    private static final int NONCE1 = 0x455f4350;
    private static final int NONCE2 = 0x444e5058;

    private final ChaCha20 chacha = new ChaCha20();

    /** Writes {@code length} expanded bytes of {@code key[keyOff..keyOff+32)} to {@code out[off..]}. */
    public void expand(byte[] out, int off, int length, byte[] key, int keyOff, int counter) {
        chacha.init(key, keyOff, counter, NONCE1, NONCE2, 0);
        chacha.keystream(out, off, length);
    }

    /** The same stream as {@link #expand}, delivered as little-endian words. */
    public void expandWords(int[] out, int off, int words, byte[] key, int keyOff, int counter) {
        chacha.init(key, keyOff, counter, NONCE1, NONCE2, 0);
        chacha.keystreamWords(out, off, words);
    }
}
