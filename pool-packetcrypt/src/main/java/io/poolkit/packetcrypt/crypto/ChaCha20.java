package io.poolkit.packetcrypt.crypto;

import org.bouncycastle.crypto.engines.ChaChaEngine;

/**
 * ChaCha20 in the IETF variant of RFC 8439: a 32-byte key, a 12-byte nonce and a 32-bit block
 * counter. The 20-round block function is Bouncy Castle's; this class only lays out the input
 * words and walks the counter, so producing keystream allocates nothing. Not thread safe.
 */
public final class ChaCha20 {

    private static final int ROUNDS = 20;
    // "expand 32-byte k" as four little-endian words.
    private static final int C0 = 0x61707865;
    private static final int C1 = 0x3320646e;
    private static final int C2 = 0x79622d32;
    private static final int C3 = 0x6b206574;

    private final int[] input = new int[16];
    private final int[] block = new int[16];

    /** Sets the key (32 bytes at {@code keyOff}), the nonce words and the first block counter. */
    public void init(byte[] key, int keyOff, int nonce0, int nonce1, int nonce2, int counter) {
        input[0] = C0;
        input[1] = C1;
        input[2] = C2;
        input[3] = C3;
        for (int i = 0; i < 8; i++) {
            input[4 + i] = Words.getInt(key, keyOff + 4 * i);
        }
        input[12] = counter;
        input[13] = nonce0;
        input[14] = nonce1;
        input[15] = nonce2;
    }

    /** Sets the key and a 12-byte nonce read from {@code nonce[nonceOff..]}. */
    public void init(byte[] key, int keyOff, byte[] nonce, int nonceOff, int counter) {
        init(key, keyOff, Words.getInt(nonce, nonceOff), Words.getInt(nonce, nonceOff + 4),
                Words.getInt(nonce, nonceOff + 8), counter);
    }

    /** Writes {@code length} bytes of keystream to {@code out[off..]}; a partial last block is cut. */
    public void keystream(byte[] out, int off, int length) {
        int done = 0;
        while (done < length) {
            nextBlock();
            int n = Math.min(64, length - done);
            if (n == 64) {
                for (int i = 0; i < 16; i++) {
                    Words.putInt(out, off + done + 4 * i, block[i]);
                }
            } else {
                for (int i = 0; i < n; i++) {
                    out[off + done + i] = (byte) (block[i >>> 2] >>> (8 * (i & 3)));
                }
            }
            done += n;
        }
    }

    /** Writes {@code words} keystream words (little-endian reading of the stream) to {@code out[off..]}. */
    public void keystreamWords(int[] out, int off, int words) {
        int done = 0;
        while (done < words) {
            nextBlock();
            int n = Math.min(16, words - done);
            System.arraycopy(block, 0, out, off + done, n);
            done += n;
        }
    }

    /** XORs {@code length} bytes of {@code buf[off..]} in place with keystream. */
    public void xor(byte[] buf, int off, int length) {
        int done = 0;
        while (done < length) {
            nextBlock();
            int n = Math.min(64, length - done);
            if (n == 64) {
                for (int i = 0; i < 16; i++) {
                    int p = off + done + 4 * i;
                    Words.putInt(buf, p, Words.getInt(buf, p) ^ block[i]);
                }
            } else {
                for (int i = 0; i < n; i++) {
                    buf[off + done + i] ^= (byte) (block[i >>> 2] >>> (8 * (i & 3)));
                }
            }
            done += n;
        }
    }

    private void nextBlock() {
        ChaChaEngine.chachaCore(ROUNDS, input, block);
        input[12]++;
    }
}
