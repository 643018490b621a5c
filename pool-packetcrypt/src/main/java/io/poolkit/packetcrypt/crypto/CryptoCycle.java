package io.poolkit.packetcrypt.crypto;

import org.bouncycastle.crypto.macs.Poly1305;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.math.ec.rfc7748.X25519;

/**
 * The CryptoCycle: operations on a 2048-byte state {@code S} that PacketCrypt hashes items
 * through. {@code S[0:12]} is the ChaCha20 nonce, {@code S[12:16]} a little-endian control word,
 * {@code S[16:48]} the key (whose first 16 bytes receive the Poly1305 tag), and {@code S[48:]} the
 * additional data followed by the message. With 16-byte aligned inputs one {@link #crypt} is the
 * RFC 8439 ChaCha20-Poly1305 AEAD.
 *
 * <p>Control word bits: 0-3 additional zeros, 8-11 trailing zeros, 12 decrypt, 13-15 additional
 * length (16-byte units), 16 truncated, 17-23 message length (16-byte units), 24 failed, 25-31
 * version (must be 0). Not thread safe: one instance per thread, any number of states.
 */
public final class CryptoCycle {

    public static final int STATE_SIZE = 2048;
    public static final int ITEM_SIZE = 1024;

    private static final int FAILED = 1 << 24;
    private static final int VERSION_MASK = 0x7f << 25;
    private static final int LENGTH_SHIFT = 17;
    private static final int LENGTH_MASK = 0x7f << LENGTH_SHIFT;
    private static final int TRUNCATED = 1 << 16;

    private final ChaCha20 chacha = new ChaCha20();
    private final HashExpand expand = new HashExpand();
    private final Poly1305 poly = new Poly1305();
    private final Blake2b blake = new Blake2b();
    private final byte[] polyKey = new byte[32];
    private final byte[] lengths = new byte[16];
    private final byte[] point = new byte[32];

    /** The item number the state selects next: {@code le64(S[16:24])}. */
    public static long itemNo(byte[] s) {
        return Words.getLong(s, 16);
    }

    /** {@code S = HashExpand(2048, seed, 0)}, {@code S[0:8] = le64(nonce)}, then {@link #makeFuzzable}. */
    public void init(byte[] s, byte[] seed, int seedOff, long nonce) {
        expand.expand(s, 0, STATE_SIZE, seed, seedOff, 0);
        Words.putLong(s, 0, nonce);
        makeFuzzable(s);
    }

    /**
     * Derives the control word from key bytes {@code S[16:20]}: version and failed cleared, and
     * the message length forced to at least 32 blocks.
     */
    public static void makeFuzzable(byte[] s) {
        int data = Words.getInt(s, 16);
        data &= ~(VERSION_MASK | FAILED);
        data |= 32 << LENGTH_SHIFT;
        Words.putInt(s, 12, data);
    }

    /** One encryption (or decryption) with authentication of the state, as described above. */
    public void crypt(byte[] s) {
        int data = Words.getInt(s, 12);
        if ((data & (VERSION_MASK | FAILED)) != 0) {
            Words.putInt(s, 12, data | FAILED);
            return;
        }
        chacha.init(s, 16, s, 0, 0);
        chacha.keystream(polyKey, 0, 32);
        // The counter is now 1: the message is encrypted from block 1 on.
        int addLen = (data >>> 13) & 7;
        int length = (data >>> LENGTH_SHIFT) & 0x7f;
        int finalLength = Math.min(length, 125 - addLen);
        data = (data & ~(LENGTH_MASK | TRUNCATED)) | (finalLength << LENGTH_SHIFT)
                | (finalLength != length ? TRUNCATED : 0);
        Words.putInt(s, 12, data);

        int aadLen = 16 * addLen;
        int msgLen = 16 * finalLength;
        int trailingZeros = (data >>> 8) & 15;
        int additionalZeros = data & 15;
        boolean decrypt = ((data >>> 12) & 1) != 0;
        int msgOff = 48 + aadLen;

        poly.init(new KeyParameter(polyKey));
        if (decrypt) {
            poly.update(s, 48, aadLen + msgLen);
        }
        chacha.xor(s, msgOff, msgLen);
        if (!decrypt) {
            for (int i = msgOff + msgLen - trailingZeros; i < msgOff + msgLen; i++) {
                s[i] = 0;
            }
            poly.update(s, 48, aadLen + msgLen);
        }
        Words.putLong(lengths, 0, (long) aadLen - additionalZeros);
        Words.putLong(lengths, 8, (long) msgLen - trailingZeros);
        poly.update(lengths, 0, 16);
        poly.doFinal(s, 16);
    }

    /** True if the failed bit of the control word is set. */
    public static boolean isFailed(byte[] s) {
        return (Words.getInt(s, 12) & FAILED) != 0;
    }

    /** {@code S[32:1056] = item}, then {@link #makeFuzzable} and {@link #crypt}. */
    public void update(byte[] s, byte[] item, int itemOff) {
        System.arraycopy(item, itemOff, s, 32, ITEM_SIZE);
        makeFuzzable(s);
        crypt(s);
    }

    /** {@code S[64:96] = X25519(S[0:32], X25519_base(S[32:64]))}, scalars clamped as in RFC 7748. */
    public void smul(byte[] s) {
        X25519.scalarMultBase(s, 32, point, 0);
        X25519.scalarMult(s, 0, point, 0, s, 64);
    }

    /** {@code S[0:32] = BLAKE2b-256(S)}: afterwards the first 32 bytes are the work hash. */
    public void finish(byte[] s) {
        blake.hash32(s, 0, STATE_SIZE, s, 0);
    }
}
