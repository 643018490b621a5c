package io.poolkit.core.pow.x11;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;

/**
 * JH-512, final-round version (42-round E8), as X11 uses it.
 *
 * <p>The 1024-bit state is kept in the bit-sliced form of the JH authors' 64-bit implementation: 16
 * words, viewed as eight 128-bit rows {@code Hi = (hih, hil)}. The even rows (H0, H2, H4, H6) form the
 * first input of the 4-bit S-boxes and the odd rows the second; each round applies the S-boxes (the
 * round-constant bit selects S0 or S1), the linear transform L between the two groups, and the
 * round's bit permutation on the odd rows (round r swaps adjacent groups of 2^(r mod 7) bits).
 * Words are read and written big-endian.
 *
 * <p>Not thread safe: the instance reuses its state and padding buffer on every call. Use one
 * instance per thread.
 */
public final class Jh512 implements Hash512 {

    private static final VarHandle BE64 =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private static final int BLOCK_BYTES = 64;
    private static final int ROUNDS = 42;

    /**
     * Initial state for a 512-bit digest: the compression function F8 applied to an all-zero block
     * and a state holding only the digest size (0x0200) in its first 16 bits. Order: H0h, H0l, H1h,
     * H1l, ..., H7l.
     */
    private static final long[] IV = {
        0x6fd14b963e00aa17L, 0x636a2e057a15d543L, 0x8a225e8d0c97ef0bL, 0xe9341259f2b3c361L,
        0x891da0c1536f801eL, 0x2aa9056bea2b6d80L, 0x588eccdb2075baa6L, 0xa90f3a76baf83bf7L,
        0x0169e60541e34a69L, 0x46b58a8e2e6fe65aL, 0x1047a7d0c1843c24L, 0x3b6e71b12d5ac199L,
        0xcf57f6ec9db1f856L, 0xa706887c5716b156L, 0xe3c2fcdfe68517fbL, 0x545a4678cc8cdd4bL,
    };

    /**
     * Round constants in bit-sliced form, four words per round: the even-row S-box selector (high,
     * low), then the odd-row selector (high, low).
     */
    private static final long[] RC = {
        0x72d5dea2df15f867L, 0x7b84150ab7231557L, 0x81abd6904d5a87f6L, 0x4e9f4fc5c3d12b40L,
        0xea983ae05c45fa9cL, 0x03c5d29966b2999aL, 0x660296b4f2bb538aL, 0xb556141a88dba231L,
        0x03a35a5c9a190edbL, 0x403fb20a87c14410L, 0x1c051980849e951dL, 0x6f33ebad5ee7cddcL,
        0x10ba139202bf6b41L, 0xdc786515f7bb27d0L, 0x0a2c813937aa7850L, 0x3f1abfd2410091d3L,
        0x422d5a0df6cc7e90L, 0xdd629f9c92c097ceL, 0x185ca70bc72b44acL, 0xd1df65d663c6fc23L,
        0x976e6c039ee0b81aL, 0x2105457e446ceca8L, 0xeef103bb5d8e61faL, 0xfd9697b294838197L,
        0x4a8e8537db03302fL, 0x2a678d2dfb9f6a95L, 0x8afe7381f8b8696cL, 0x8ac77246c07f4214L,
        0xc5f4158fbdc75ec4L, 0x75446fa78f11bb80L, 0x52de75b7aee488bcL, 0x82b8001e98a6a3f4L,
        0x8ef48f33a9a36315L, 0xaa5f5624d5b7f989L, 0xb6f1ed207c5ae0fdL, 0x36cae95a06422c36L,
        0xce2935434efe983dL, 0x533af974739a4ba7L, 0xd0f51f596f4e8186L, 0x0e9dad81afd85a9fL,
        0xa7050667ee34626aL, 0x8b0b28be6eb91727L, 0x47740726c680103fL, 0xe0a07e6fc67e487bL,
        0x0d550aa54af8a4c0L, 0x91e3e79f978ef19eL, 0x8676728150608dd4L, 0x7e9e5a41f3e5b062L,
        0xfc9f1fec4054207aL, 0xe3e41a00cef4c984L, 0x4fd794f59dfa95d8L, 0x552e7e1124c354a5L,
        0x5bdf7228bdfe6e28L, 0x78f57fe20fa5c4b2L, 0x05897cefee49d32eL, 0x447e9385eb28597fL,
        0x705f6937b324314aL, 0x5e8628f11dd6e465L, 0xc71b770451b920e7L, 0x74fe43e823d4878aL,
        0x7d29e8a3927694f2L, 0xddcb7a099b30d9c1L, 0x1d1b30fb5bdc1be0L, 0xda24494ff29c82bfL,
        0xa4e7ba31b470bfffL, 0x0d324405def8bc48L, 0x3baefc3253bbd339L, 0x459fc3c1e0298ba0L,
        0xe5c905fdf7ae090fL, 0x947034124290f134L, 0xa271b701e344ed95L, 0xe93b8e364f2f984aL,
        0x88401d63a06cf615L, 0x47c1444b8752afffL, 0x7ebb4af1e20ac630L, 0x4670b6c5cc6e8ce6L,
        0xa4d5a456bd4fca00L, 0xda9d844bc83e18aeL, 0x7357ce453064d1adL, 0xe8a6ce68145c2567L,
        0xa3da8cf2cb0ee116L, 0x33e906589a94999aL, 0x1f60b220c26f847bL, 0xd1ceac7fa0d18518L,
        0x32595ba18ddd19d3L, 0x509a1cc0aaa5b446L, 0x9f3d6367e4046bbaL, 0xf6ca19ab0b56ee7eL,
        0x1fb179eaa9282174L, 0xe9bdf7353b3651eeL, 0x1d57ac5a7550d376L, 0x3a46c2fea37d7001L,
        0xf735c1af98a4d842L, 0x78edec209e6b6779L, 0x41836315ea3adba8L, 0xfac33b4d32832c83L,
        0xa7403b1f1c2747f3L, 0x5940f034b72d769aL, 0xe73e4e6cd2214ffdL, 0xb8fd8d39dc5759efL,
        0x8d9b0c492b49ebdaL, 0x5ba2d74968f3700dL, 0x7d3baed07a8d5584L, 0xf5a5e9f0e4f88e65L,
        0xa0b8a2f436103b53L, 0x0ca8079e753eec5aL, 0x9168949256e8884fL, 0x5bb05c55f8babc4cL,
        0xe3bb3b99f387947bL, 0x75daf4d6726b1c5dL, 0x64aeac28dc34b36dL, 0x6c34a550b828db71L,
        0xf861e2f2108d512aL, 0xe3db643359dd75fcL, 0x1cacbcf143ce3fa2L, 0x67bbd13c02e843b0L,
        0x330a5bca8829a175L, 0x7f34194db416535cL, 0x923b94c30e794d1eL, 0x797475d7b6eeaf3fL,
        0xeaa8d4f7be1a3921L, 0x5cf47e094c232751L, 0x26a32453ba323cd2L, 0x44a3174a6da6d5adL,
        0xb51d3ea6aff2c908L, 0x83593d98916b3c56L, 0x4cf87ca17286604dL, 0x46e23ecc086ec7f6L,
        0x2f9833b3b1bc765eL, 0x2bd666a5efc4e62aL, 0x06f4b6e8bec1d436L, 0x74ee8215bcef2163L,
        0xfdc14e0df453c969L, 0xa77d5ac406585826L, 0x7ec1141606e0fa16L, 0x7e90af3d28639d3fL,
        0xd2c9f2e3009bd20cL, 0x5faace30b7d40c30L, 0x742a5116f2e03298L, 0x0deb30d8e3cef89aL,
        0x4bc59e7bb5f17992L, 0xff51e66e048668d3L, 0x9b234d57e6966731L, 0xcce6a6f3170a7505L,
        0xb17681d913326cceL, 0x3c175284f805a262L, 0xf42bcbb378471547L, 0xff46548223936a48L,
        0x38df58074e5e6565L, 0xf2fc7c89fc86508eL, 0x31702e44d00bca86L, 0xf04009a23078474eL,
        0x65a0ee39d1f73883L, 0xf75ee937e42c3abdL, 0x2197b2260113f86fL, 0xa344edd1ef9fdee7L,
        0x8ba0df15762592d9L, 0x3c85f7f612dc42beL, 0xd8a7ec7cab27b07eL, 0x538d7ddaaa3ea8deL,
        0xaa25ce93bd0269d8L, 0x5af643fd1a7308f9L, 0xc05fefda174a19a5L, 0x974d66334cfd216aL,
        0x35b49831db411570L, 0xea1e0fbbedcd549bL, 0x9ad063a151974072L, 0xf6759dbf91476fe2L,
    };

    /** Chaining state, order H0h, H0l, H1h, H1l, ..., H7l. */
    private final long[] state = new long[16];
    /** Last partial block plus padding (one or two blocks). */
    private final byte[] pad = new byte[2 * BLOCK_BYTES];

    /** Creates a hasher; cheap, but reuse it (one per thread). */
    public Jh512() {
    }

    @Override
    public String name() {
        return "jh512";
    }

    @Override
    public void hash(byte[] input, int offset, int length, byte[] output, int outputOffset) {
        Objects.checkFromIndexSize(offset, length, input.length);
        Objects.checkFromIndexSize(outputOffset, DIGEST_BYTES, output.length);
        System.arraycopy(IV, 0, state, 0, 16);

        int pos = 0;
        while (length - pos >= BLOCK_BYTES) {
            compress(input, offset + pos);
            pos += BLOCK_BYTES;
        }

        // Padding: a 1 bit, zeros, then the 128-bit big-endian message length in bits. It fills one
        // block when the message is block aligned, otherwise the rest of this block and one more.
        int rest = length - pos;
        int padEnd = rest == 0 ? BLOCK_BYTES : 2 * BLOCK_BYTES;
        byte[] p = pad;
        System.arraycopy(input, offset + pos, p, 0, rest);
        p[rest] = (byte) 0x80;
        Arrays.fill(p, rest + 1, padEnd - 16, (byte) 0);
        BE64.set(p, padEnd - 16, (long) length >>> 61);
        BE64.set(p, padEnd - 8, (long) length << 3);
        compress(p, 0);
        if (padEnd > BLOCK_BYTES) {
            compress(p, BLOCK_BYTES);
        }

        // The digest is the last 512 bits of the state (rows H4..H7).
        for (int i = 0; i < 8; i++) {
            BE64.set(output, outputOffset + 8 * i, state[8 + i]);
        }
    }

    /** F8: XOR the block into the first half of the state, apply E8, XOR it into the second half. */
    private void compress(byte[] buf, int off) {
        long[] s = state;
        long h0h = s[0] ^ (long) BE64.get(buf, off);
        long h0l = s[1] ^ (long) BE64.get(buf, off + 8);
        long h1h = s[2] ^ (long) BE64.get(buf, off + 16);
        long h1l = s[3] ^ (long) BE64.get(buf, off + 24);
        long h2h = s[4] ^ (long) BE64.get(buf, off + 32);
        long h2l = s[5] ^ (long) BE64.get(buf, off + 40);
        long h3h = s[6] ^ (long) BE64.get(buf, off + 48);
        long h3l = s[7] ^ (long) BE64.get(buf, off + 56);
        long h4h = s[8];
        long h4l = s[9];
        long h5h = s[10];
        long h5l = s[11];
        long h6h = s[12];
        long h6l = s[13];
        long h7h = s[14];
        long h7l = s[15];

        // E8: 42 rounds, unrolled by 7 so that each round's permutation uses constant shifts.
        // Each round: S-boxes on the even rows (H0, H2, H4, H6) and on the odd rows (H1, H3,
        // H5, H7), each bit position being one 4-bit S-box input and the round-constant bit
        // choosing S1 (1) or S0 (0); then the linear transform L pairing each even nibble with its
        // odd partner; then the permutation of the odd rows. The h and l halves of a row are
        // independent until the seventh permutation, so they are written side by side.
        long[] rc = RC;
        long ch, cl, th, tl;
        for (int r = 0; r < ROUNDS; r += 7) {
            int ci = r << 2;

            // Round r: the odd rows end with adjacent single bits swapped.
            ch = rc[ci + 0]; cl = rc[ci + 1];
            h6h = ~h6h; h6l = ~h6l;
            h0h ^= ch & ~h4h; h0l ^= cl & ~h4l;
            th = ch ^ (h0h & h2h); tl = cl ^ (h0l & h2l);
            h0h ^= h4h & h6h; h0l ^= h4l & h6l;
            h6h ^= ~h2h & h4h; h6l ^= ~h2l & h4l;
            h2h ^= h0h & h4h; h2l ^= h0l & h4l;
            h4h ^= h0h & ~h6h; h4l ^= h0l & ~h6l;
            h0h ^= h2h | h6h; h0l ^= h2l | h6l;
            h6h ^= h2h & h4h; h6l ^= h2l & h4l;
            h2h ^= th & h0h; h2l ^= tl & h0l;
            h4h ^= th; h4l ^= tl;

            ch = rc[ci + 2]; cl = rc[ci + 3];
            h7h = ~h7h; h7l = ~h7l;
            h1h ^= ch & ~h5h; h1l ^= cl & ~h5l;
            th = ch ^ (h1h & h3h); tl = cl ^ (h1l & h3l);
            h1h ^= h5h & h7h; h1l ^= h5l & h7l;
            h7h ^= ~h3h & h5h; h7l ^= ~h3l & h5l;
            h3h ^= h1h & h5h; h3l ^= h1l & h5l;
            h5h ^= h1h & ~h7h; h5l ^= h1l & ~h7l;
            h1h ^= h3h | h7h; h1l ^= h3l | h7l;
            h7h ^= h3h & h5h; h7l ^= h3l & h5l;
            h3h ^= th & h1h; h3l ^= tl & h1l;
            h5h ^= th; h5l ^= tl;

            h1h ^= h2h; h3h ^= h4h; h5h ^= h6h ^ h0h; h7h ^= h0h;
            h0h ^= h3h; h2h ^= h5h; h4h ^= h7h ^ h1h; h6h ^= h1h;
            h1l ^= h2l; h3l ^= h4l; h5l ^= h6l ^ h0l; h7l ^= h0l;
            h0l ^= h3l; h2l ^= h5l; h4l ^= h7l ^ h1l; h6l ^= h1l;

            h1h = ((h1h >>> 1) & 0x5555555555555555L) | ((h1h & 0x5555555555555555L) << 1);
            h1l = ((h1l >>> 1) & 0x5555555555555555L) | ((h1l & 0x5555555555555555L) << 1);
            h3h = ((h3h >>> 1) & 0x5555555555555555L) | ((h3h & 0x5555555555555555L) << 1);
            h3l = ((h3l >>> 1) & 0x5555555555555555L) | ((h3l & 0x5555555555555555L) << 1);
            h5h = ((h5h >>> 1) & 0x5555555555555555L) | ((h5h & 0x5555555555555555L) << 1);
            h5l = ((h5l >>> 1) & 0x5555555555555555L) | ((h5l & 0x5555555555555555L) << 1);
            h7h = ((h7h >>> 1) & 0x5555555555555555L) | ((h7h & 0x5555555555555555L) << 1);
            h7l = ((h7l >>> 1) & 0x5555555555555555L) | ((h7l & 0x5555555555555555L) << 1);

            // Round r + 1: the odd rows end with adjacent bit pairs swapped.
            ch = rc[ci + 4]; cl = rc[ci + 5];
            h6h = ~h6h; h6l = ~h6l;
            h0h ^= ch & ~h4h; h0l ^= cl & ~h4l;
            th = ch ^ (h0h & h2h); tl = cl ^ (h0l & h2l);
            h0h ^= h4h & h6h; h0l ^= h4l & h6l;
            h6h ^= ~h2h & h4h; h6l ^= ~h2l & h4l;
            h2h ^= h0h & h4h; h2l ^= h0l & h4l;
            h4h ^= h0h & ~h6h; h4l ^= h0l & ~h6l;
            h0h ^= h2h | h6h; h0l ^= h2l | h6l;
            h6h ^= h2h & h4h; h6l ^= h2l & h4l;
            h2h ^= th & h0h; h2l ^= tl & h0l;
            h4h ^= th; h4l ^= tl;

            ch = rc[ci + 6]; cl = rc[ci + 7];
            h7h = ~h7h; h7l = ~h7l;
            h1h ^= ch & ~h5h; h1l ^= cl & ~h5l;
            th = ch ^ (h1h & h3h); tl = cl ^ (h1l & h3l);
            h1h ^= h5h & h7h; h1l ^= h5l & h7l;
            h7h ^= ~h3h & h5h; h7l ^= ~h3l & h5l;
            h3h ^= h1h & h5h; h3l ^= h1l & h5l;
            h5h ^= h1h & ~h7h; h5l ^= h1l & ~h7l;
            h1h ^= h3h | h7h; h1l ^= h3l | h7l;
            h7h ^= h3h & h5h; h7l ^= h3l & h5l;
            h3h ^= th & h1h; h3l ^= tl & h1l;
            h5h ^= th; h5l ^= tl;

            h1h ^= h2h; h3h ^= h4h; h5h ^= h6h ^ h0h; h7h ^= h0h;
            h0h ^= h3h; h2h ^= h5h; h4h ^= h7h ^ h1h; h6h ^= h1h;
            h1l ^= h2l; h3l ^= h4l; h5l ^= h6l ^ h0l; h7l ^= h0l;
            h0l ^= h3l; h2l ^= h5l; h4l ^= h7l ^ h1l; h6l ^= h1l;

            h1h = ((h1h >>> 2) & 0x3333333333333333L) | ((h1h & 0x3333333333333333L) << 2);
            h1l = ((h1l >>> 2) & 0x3333333333333333L) | ((h1l & 0x3333333333333333L) << 2);
            h3h = ((h3h >>> 2) & 0x3333333333333333L) | ((h3h & 0x3333333333333333L) << 2);
            h3l = ((h3l >>> 2) & 0x3333333333333333L) | ((h3l & 0x3333333333333333L) << 2);
            h5h = ((h5h >>> 2) & 0x3333333333333333L) | ((h5h & 0x3333333333333333L) << 2);
            h5l = ((h5l >>> 2) & 0x3333333333333333L) | ((h5l & 0x3333333333333333L) << 2);
            h7h = ((h7h >>> 2) & 0x3333333333333333L) | ((h7h & 0x3333333333333333L) << 2);
            h7l = ((h7l >>> 2) & 0x3333333333333333L) | ((h7l & 0x3333333333333333L) << 2);

            // Round r + 2: the odd rows end with adjacent nibbles swapped.
            ch = rc[ci + 8]; cl = rc[ci + 9];
            h6h = ~h6h; h6l = ~h6l;
            h0h ^= ch & ~h4h; h0l ^= cl & ~h4l;
            th = ch ^ (h0h & h2h); tl = cl ^ (h0l & h2l);
            h0h ^= h4h & h6h; h0l ^= h4l & h6l;
            h6h ^= ~h2h & h4h; h6l ^= ~h2l & h4l;
            h2h ^= h0h & h4h; h2l ^= h0l & h4l;
            h4h ^= h0h & ~h6h; h4l ^= h0l & ~h6l;
            h0h ^= h2h | h6h; h0l ^= h2l | h6l;
            h6h ^= h2h & h4h; h6l ^= h2l & h4l;
            h2h ^= th & h0h; h2l ^= tl & h0l;
            h4h ^= th; h4l ^= tl;

            ch = rc[ci + 10]; cl = rc[ci + 11];
            h7h = ~h7h; h7l = ~h7l;
            h1h ^= ch & ~h5h; h1l ^= cl & ~h5l;
            th = ch ^ (h1h & h3h); tl = cl ^ (h1l & h3l);
            h1h ^= h5h & h7h; h1l ^= h5l & h7l;
            h7h ^= ~h3h & h5h; h7l ^= ~h3l & h5l;
            h3h ^= h1h & h5h; h3l ^= h1l & h5l;
            h5h ^= h1h & ~h7h; h5l ^= h1l & ~h7l;
            h1h ^= h3h | h7h; h1l ^= h3l | h7l;
            h7h ^= h3h & h5h; h7l ^= h3l & h5l;
            h3h ^= th & h1h; h3l ^= tl & h1l;
            h5h ^= th; h5l ^= tl;

            h1h ^= h2h; h3h ^= h4h; h5h ^= h6h ^ h0h; h7h ^= h0h;
            h0h ^= h3h; h2h ^= h5h; h4h ^= h7h ^ h1h; h6h ^= h1h;
            h1l ^= h2l; h3l ^= h4l; h5l ^= h6l ^ h0l; h7l ^= h0l;
            h0l ^= h3l; h2l ^= h5l; h4l ^= h7l ^ h1l; h6l ^= h1l;

            h1h = ((h1h >>> 4) & 0x0F0F0F0F0F0F0F0FL) | ((h1h & 0x0F0F0F0F0F0F0F0FL) << 4);
            h1l = ((h1l >>> 4) & 0x0F0F0F0F0F0F0F0FL) | ((h1l & 0x0F0F0F0F0F0F0F0FL) << 4);
            h3h = ((h3h >>> 4) & 0x0F0F0F0F0F0F0F0FL) | ((h3h & 0x0F0F0F0F0F0F0F0FL) << 4);
            h3l = ((h3l >>> 4) & 0x0F0F0F0F0F0F0F0FL) | ((h3l & 0x0F0F0F0F0F0F0F0FL) << 4);
            h5h = ((h5h >>> 4) & 0x0F0F0F0F0F0F0F0FL) | ((h5h & 0x0F0F0F0F0F0F0F0FL) << 4);
            h5l = ((h5l >>> 4) & 0x0F0F0F0F0F0F0F0FL) | ((h5l & 0x0F0F0F0F0F0F0F0FL) << 4);
            h7h = ((h7h >>> 4) & 0x0F0F0F0F0F0F0F0FL) | ((h7h & 0x0F0F0F0F0F0F0F0FL) << 4);
            h7l = ((h7l >>> 4) & 0x0F0F0F0F0F0F0F0FL) | ((h7l & 0x0F0F0F0F0F0F0F0FL) << 4);

            // Round r + 3: the odd rows end with adjacent bytes swapped.
            ch = rc[ci + 12]; cl = rc[ci + 13];
            h6h = ~h6h; h6l = ~h6l;
            h0h ^= ch & ~h4h; h0l ^= cl & ~h4l;
            th = ch ^ (h0h & h2h); tl = cl ^ (h0l & h2l);
            h0h ^= h4h & h6h; h0l ^= h4l & h6l;
            h6h ^= ~h2h & h4h; h6l ^= ~h2l & h4l;
            h2h ^= h0h & h4h; h2l ^= h0l & h4l;
            h4h ^= h0h & ~h6h; h4l ^= h0l & ~h6l;
            h0h ^= h2h | h6h; h0l ^= h2l | h6l;
            h6h ^= h2h & h4h; h6l ^= h2l & h4l;
            h2h ^= th & h0h; h2l ^= tl & h0l;
            h4h ^= th; h4l ^= tl;

            ch = rc[ci + 14]; cl = rc[ci + 15];
            h7h = ~h7h; h7l = ~h7l;
            h1h ^= ch & ~h5h; h1l ^= cl & ~h5l;
            th = ch ^ (h1h & h3h); tl = cl ^ (h1l & h3l);
            h1h ^= h5h & h7h; h1l ^= h5l & h7l;
            h7h ^= ~h3h & h5h; h7l ^= ~h3l & h5l;
            h3h ^= h1h & h5h; h3l ^= h1l & h5l;
            h5h ^= h1h & ~h7h; h5l ^= h1l & ~h7l;
            h1h ^= h3h | h7h; h1l ^= h3l | h7l;
            h7h ^= h3h & h5h; h7l ^= h3l & h5l;
            h3h ^= th & h1h; h3l ^= tl & h1l;
            h5h ^= th; h5l ^= tl;

            h1h ^= h2h; h3h ^= h4h; h5h ^= h6h ^ h0h; h7h ^= h0h;
            h0h ^= h3h; h2h ^= h5h; h4h ^= h7h ^ h1h; h6h ^= h1h;
            h1l ^= h2l; h3l ^= h4l; h5l ^= h6l ^ h0l; h7l ^= h0l;
            h0l ^= h3l; h2l ^= h5l; h4l ^= h7l ^ h1l; h6l ^= h1l;

            h1h = ((h1h >>> 8) & 0x00FF00FF00FF00FFL) | ((h1h & 0x00FF00FF00FF00FFL) << 8);
            h1l = ((h1l >>> 8) & 0x00FF00FF00FF00FFL) | ((h1l & 0x00FF00FF00FF00FFL) << 8);
            h3h = ((h3h >>> 8) & 0x00FF00FF00FF00FFL) | ((h3h & 0x00FF00FF00FF00FFL) << 8);
            h3l = ((h3l >>> 8) & 0x00FF00FF00FF00FFL) | ((h3l & 0x00FF00FF00FF00FFL) << 8);
            h5h = ((h5h >>> 8) & 0x00FF00FF00FF00FFL) | ((h5h & 0x00FF00FF00FF00FFL) << 8);
            h5l = ((h5l >>> 8) & 0x00FF00FF00FF00FFL) | ((h5l & 0x00FF00FF00FF00FFL) << 8);
            h7h = ((h7h >>> 8) & 0x00FF00FF00FF00FFL) | ((h7h & 0x00FF00FF00FF00FFL) << 8);
            h7l = ((h7l >>> 8) & 0x00FF00FF00FF00FFL) | ((h7l & 0x00FF00FF00FF00FFL) << 8);

            // Round r + 4: the odd rows end with adjacent 16-bit groups swapped.
            ch = rc[ci + 16]; cl = rc[ci + 17];
            h6h = ~h6h; h6l = ~h6l;
            h0h ^= ch & ~h4h; h0l ^= cl & ~h4l;
            th = ch ^ (h0h & h2h); tl = cl ^ (h0l & h2l);
            h0h ^= h4h & h6h; h0l ^= h4l & h6l;
            h6h ^= ~h2h & h4h; h6l ^= ~h2l & h4l;
            h2h ^= h0h & h4h; h2l ^= h0l & h4l;
            h4h ^= h0h & ~h6h; h4l ^= h0l & ~h6l;
            h0h ^= h2h | h6h; h0l ^= h2l | h6l;
            h6h ^= h2h & h4h; h6l ^= h2l & h4l;
            h2h ^= th & h0h; h2l ^= tl & h0l;
            h4h ^= th; h4l ^= tl;

            ch = rc[ci + 18]; cl = rc[ci + 19];
            h7h = ~h7h; h7l = ~h7l;
            h1h ^= ch & ~h5h; h1l ^= cl & ~h5l;
            th = ch ^ (h1h & h3h); tl = cl ^ (h1l & h3l);
            h1h ^= h5h & h7h; h1l ^= h5l & h7l;
            h7h ^= ~h3h & h5h; h7l ^= ~h3l & h5l;
            h3h ^= h1h & h5h; h3l ^= h1l & h5l;
            h5h ^= h1h & ~h7h; h5l ^= h1l & ~h7l;
            h1h ^= h3h | h7h; h1l ^= h3l | h7l;
            h7h ^= h3h & h5h; h7l ^= h3l & h5l;
            h3h ^= th & h1h; h3l ^= tl & h1l;
            h5h ^= th; h5l ^= tl;

            h1h ^= h2h; h3h ^= h4h; h5h ^= h6h ^ h0h; h7h ^= h0h;
            h0h ^= h3h; h2h ^= h5h; h4h ^= h7h ^ h1h; h6h ^= h1h;
            h1l ^= h2l; h3l ^= h4l; h5l ^= h6l ^ h0l; h7l ^= h0l;
            h0l ^= h3l; h2l ^= h5l; h4l ^= h7l ^ h1l; h6l ^= h1l;

            h1h = ((h1h >>> 16) & 0x0000FFFF0000FFFFL) | ((h1h & 0x0000FFFF0000FFFFL) << 16);
            h1l = ((h1l >>> 16) & 0x0000FFFF0000FFFFL) | ((h1l & 0x0000FFFF0000FFFFL) << 16);
            h3h = ((h3h >>> 16) & 0x0000FFFF0000FFFFL) | ((h3h & 0x0000FFFF0000FFFFL) << 16);
            h3l = ((h3l >>> 16) & 0x0000FFFF0000FFFFL) | ((h3l & 0x0000FFFF0000FFFFL) << 16);
            h5h = ((h5h >>> 16) & 0x0000FFFF0000FFFFL) | ((h5h & 0x0000FFFF0000FFFFL) << 16);
            h5l = ((h5l >>> 16) & 0x0000FFFF0000FFFFL) | ((h5l & 0x0000FFFF0000FFFFL) << 16);
            h7h = ((h7h >>> 16) & 0x0000FFFF0000FFFFL) | ((h7h & 0x0000FFFF0000FFFFL) << 16);
            h7l = ((h7l >>> 16) & 0x0000FFFF0000FFFFL) | ((h7l & 0x0000FFFF0000FFFFL) << 16);

            // Round r + 5: the odd rows end with adjacent 32-bit groups swapped.
            ch = rc[ci + 20]; cl = rc[ci + 21];
            h6h = ~h6h; h6l = ~h6l;
            h0h ^= ch & ~h4h; h0l ^= cl & ~h4l;
            th = ch ^ (h0h & h2h); tl = cl ^ (h0l & h2l);
            h0h ^= h4h & h6h; h0l ^= h4l & h6l;
            h6h ^= ~h2h & h4h; h6l ^= ~h2l & h4l;
            h2h ^= h0h & h4h; h2l ^= h0l & h4l;
            h4h ^= h0h & ~h6h; h4l ^= h0l & ~h6l;
            h0h ^= h2h | h6h; h0l ^= h2l | h6l;
            h6h ^= h2h & h4h; h6l ^= h2l & h4l;
            h2h ^= th & h0h; h2l ^= tl & h0l;
            h4h ^= th; h4l ^= tl;

            ch = rc[ci + 22]; cl = rc[ci + 23];
            h7h = ~h7h; h7l = ~h7l;
            h1h ^= ch & ~h5h; h1l ^= cl & ~h5l;
            th = ch ^ (h1h & h3h); tl = cl ^ (h1l & h3l);
            h1h ^= h5h & h7h; h1l ^= h5l & h7l;
            h7h ^= ~h3h & h5h; h7l ^= ~h3l & h5l;
            h3h ^= h1h & h5h; h3l ^= h1l & h5l;
            h5h ^= h1h & ~h7h; h5l ^= h1l & ~h7l;
            h1h ^= h3h | h7h; h1l ^= h3l | h7l;
            h7h ^= h3h & h5h; h7l ^= h3l & h5l;
            h3h ^= th & h1h; h3l ^= tl & h1l;
            h5h ^= th; h5l ^= tl;

            h1h ^= h2h; h3h ^= h4h; h5h ^= h6h ^ h0h; h7h ^= h0h;
            h0h ^= h3h; h2h ^= h5h; h4h ^= h7h ^ h1h; h6h ^= h1h;
            h1l ^= h2l; h3l ^= h4l; h5l ^= h6l ^ h0l; h7l ^= h0l;
            h0l ^= h3l; h2l ^= h5l; h4l ^= h7l ^ h1l; h6l ^= h1l;

            h1h = ((h1h >>> 32) & 0x00000000FFFFFFFFL) | ((h1h & 0x00000000FFFFFFFFL) << 32);
            h1l = ((h1l >>> 32) & 0x00000000FFFFFFFFL) | ((h1l & 0x00000000FFFFFFFFL) << 32);
            h3h = ((h3h >>> 32) & 0x00000000FFFFFFFFL) | ((h3h & 0x00000000FFFFFFFFL) << 32);
            h3l = ((h3l >>> 32) & 0x00000000FFFFFFFFL) | ((h3l & 0x00000000FFFFFFFFL) << 32);
            h5h = ((h5h >>> 32) & 0x00000000FFFFFFFFL) | ((h5h & 0x00000000FFFFFFFFL) << 32);
            h5l = ((h5l >>> 32) & 0x00000000FFFFFFFFL) | ((h5l & 0x00000000FFFFFFFFL) << 32);
            h7h = ((h7h >>> 32) & 0x00000000FFFFFFFFL) | ((h7h & 0x00000000FFFFFFFFL) << 32);
            h7l = ((h7l >>> 32) & 0x00000000FFFFFFFFL) | ((h7l & 0x00000000FFFFFFFFL) << 32);

            // Round r + 6: the odd rows end with adjacent 64-bit halves swapped.
            ch = rc[ci + 24]; cl = rc[ci + 25];
            h6h = ~h6h; h6l = ~h6l;
            h0h ^= ch & ~h4h; h0l ^= cl & ~h4l;
            th = ch ^ (h0h & h2h); tl = cl ^ (h0l & h2l);
            h0h ^= h4h & h6h; h0l ^= h4l & h6l;
            h6h ^= ~h2h & h4h; h6l ^= ~h2l & h4l;
            h2h ^= h0h & h4h; h2l ^= h0l & h4l;
            h4h ^= h0h & ~h6h; h4l ^= h0l & ~h6l;
            h0h ^= h2h | h6h; h0l ^= h2l | h6l;
            h6h ^= h2h & h4h; h6l ^= h2l & h4l;
            h2h ^= th & h0h; h2l ^= tl & h0l;
            h4h ^= th; h4l ^= tl;

            ch = rc[ci + 26]; cl = rc[ci + 27];
            h7h = ~h7h; h7l = ~h7l;
            h1h ^= ch & ~h5h; h1l ^= cl & ~h5l;
            th = ch ^ (h1h & h3h); tl = cl ^ (h1l & h3l);
            h1h ^= h5h & h7h; h1l ^= h5l & h7l;
            h7h ^= ~h3h & h5h; h7l ^= ~h3l & h5l;
            h3h ^= h1h & h5h; h3l ^= h1l & h5l;
            h5h ^= h1h & ~h7h; h5l ^= h1l & ~h7l;
            h1h ^= h3h | h7h; h1l ^= h3l | h7l;
            h7h ^= h3h & h5h; h7l ^= h3l & h5l;
            h3h ^= th & h1h; h3l ^= tl & h1l;
            h5h ^= th; h5l ^= tl;

            h1h ^= h2h; h3h ^= h4h; h5h ^= h6h ^ h0h; h7h ^= h0h;
            h0h ^= h3h; h2h ^= h5h; h4h ^= h7h ^ h1h; h6h ^= h1h;
            h1l ^= h2l; h3l ^= h4l; h5l ^= h6l ^ h0l; h7l ^= h0l;
            h0l ^= h3l; h2l ^= h5l; h4l ^= h7l ^ h1l; h6l ^= h1l;

            th = h1h; h1h = h1l; h1l = th;
            th = h3h; h3h = h3l; h3l = th;
            th = h5h; h5h = h5l; h5l = th;
            th = h7h; h7h = h7l; h7l = th;
        }

        s[0] = h0h;
        s[1] = h0l;
        s[2] = h1h;
        s[3] = h1l;
        s[4] = h2h;
        s[5] = h2l;
        s[6] = h3h;
        s[7] = h3l;
        // The message is read again rather than kept live through E8: the state alone needs all
        // the registers.
        s[8] = h4h ^ (long) BE64.get(buf, off);
        s[9] = h4l ^ (long) BE64.get(buf, off + 8);
        s[10] = h5h ^ (long) BE64.get(buf, off + 16);
        s[11] = h5l ^ (long) BE64.get(buf, off + 24);
        s[12] = h6h ^ (long) BE64.get(buf, off + 32);
        s[13] = h6l ^ (long) BE64.get(buf, off + 40);
        s[14] = h7h ^ (long) BE64.get(buf, off + 48);
        s[15] = h7l ^ (long) BE64.get(buf, off + 56);
    }
}
