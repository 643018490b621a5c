package io.poolkit.core.pow;

import java.util.Arrays;

/**
 * SHA-256d of an 80-byte block header with the first 64 bytes already compressed.
 *
 * <p>A header is 80 bytes: the first SHA-256 block is bytes 0..63 (version, previous hash, most of the
 * merkle root), which stay fixed while a miner or share checker varies the last 16 bytes (end of the
 * merkle root, time, bits, nonce). This immutable value holds the chaining state after that first block
 * (the "midstate"), so each hash costs one compression for bytes 64..79 plus one for the second SHA-256,
 * whose 32-byte input always fits a single block with fixed padding.
 *
 * <p>Outputs are in internal byte order, exactly as SHA-256 produces them (the block explorer shows them
 * reversed). Nonces are passed as {@code nonceLe}: the 32-bit value whose little-endian encoding is
 * header bytes 76..79, as in the block header and in {@code int.from_bytes(header[76:80], "little")}.
 * Nonce ranges wrap modulo 2^32.
 *
 * <p>Every method reads the last 16 bytes from the {@code header80} argument and trusts that its first 64
 * bytes are the ones this midstate was built from (not re-checked, for speed). Instances are immutable and
 * may be shared between threads; a {@link Workspace} is scratch for one thread.
 *
 * <p>Speed: {@link #hashNonces} hashes many consecutive nonces at once in lane-parallel loops that
 * HotSpot's superword pass vectorizes (AVX2 on x86); it is the miner-loop path (about 6-8 million
 * headers/s on one 2.45 GHz EPYC core with the default workspace). {@link #hashWithNonce} is plain scalar
 * code (about 1.2 million/s there), meant for checking single shares; on CPUs with SHA extensions the
 * JDK's intrinsic behind {@link Sha256d#hash(byte[])} can hash a single whole header faster still.
 */
public final class Sha256dMidstate {

    /** Bytes of a block header. */
    public static final int HEADER_BYTES = 80;

    /** Offset of the 32-bit little-endian nonce in the header. */
    public static final int NONCE_OFFSET = 76;

    /** Padding word after the 16 tail bytes: the 0x80 terminator byte, big-endian. */
    private static final int PAD_WORD = 0x80000000;

    /** Message length in bits of an 80-byte header. */
    private static final int HEADER_BITS = HEADER_BYTES * 8;

    /** Message length in bits of a 32-byte digest. */
    private static final int DIGEST_BITS = 32 * 8;

    /** Chaining state after bytes 0..63; never exposed, so the value is immutable. */
    private final int[] state;

    private Sha256dMidstate(int[] state) {
        this.state = state;
    }

    /**
     * Midstate of a header: compresses {@code header80[0..64)}. The array may be longer than 64 bytes;
     * only the first 64 are read now.
     *
     * @throws IllegalArgumentException if the array has fewer than 64 bytes
     */
    public static Sha256dMidstate of(byte[] header80) {
        return of(header80, 0);
    }

    /**
     * Midstate of the 64 bytes at {@code data[offset..offset+64)}.
     *
     * @throws IllegalArgumentException if fewer than 64 bytes are available at {@code offset}
     */
    public static Sha256dMidstate of(byte[] data, int offset) {
        if (offset < 0 || data.length - offset < Sha256Compression.BLOCK_BYTES) {
            throw new IllegalArgumentException("need 64 bytes at offset " + offset + ", array has " + data.length);
        }
        int[] s = Sha256Compression.initialState();
        Sha256Compression.compress(s, data, offset, new int[Sha256Compression.SCHEDULE_WORDS]);
        return new Sha256dMidstate(s);
    }

    /** Word {@code index} (0..7) of the chaining state after the first block. */
    public int stateWord(int index) {
        return state[index];
    }

    /** SHA256(SHA256(header80[0..80))) using the nonce stored in the header; allocates the result. */
    public byte[] hash(byte[] header80) {
        checkHeader(header80);
        byte[] out = new byte[32];
        hashScalar(header80, Integer.reverseBytes(Sha256Compression.readIntBe(header80, NONCE_OFFSET)), out,
                new int[Sha256Compression.SCHEDULE_WORDS], new int[Sha256Compression.STATE_WORDS]);
        return out;
    }

    /** SHA256(SHA256(header80[0..80))) into {@code out32[0..32)}, using the nonce stored in the header. */
    public void hash(byte[] header80, byte[] out32, Workspace workspace) {
        checkHeader(header80);
        hashWithNonce(header80, Integer.reverseBytes(Sha256Compression.readIntBe(header80, NONCE_OFFSET)), out32,
                workspace);
    }

    /**
     * SHA-256d of {@code header80} with bytes 76..79 replaced by {@code nonceLe} (the header array is not
     * modified), into {@code out32[0..32)}. Convenience form that allocates a small scratch per call; loops
     * should pass a {@link Workspace}.
     */
    public void hashWithNonce(byte[] header80, int nonceLe, byte[] out32) {
        checkHeader(header80);
        checkOut32(out32);
        hashScalar(header80, nonceLe, out32, new int[Sha256Compression.SCHEDULE_WORDS],
                new int[Sha256Compression.STATE_WORDS]);
    }

    /**
     * SHA-256d of {@code header80} with bytes 76..79 replaced by {@code nonceLe} (the header array is not
     * modified), into {@code out32[0..32)}. Allocates nothing.
     */
    public void hashWithNonce(byte[] header80, int nonceLe, byte[] out32, Workspace workspace) {
        checkHeader(header80);
        checkOut32(out32);
        hashScalar(header80, nonceLe, out32, workspace.schedule, workspace.scalarState);
    }

    /** One header, one nonce, on a caller-supplied schedule {@code w} (64 ints) and state {@code s} (8 ints). */
    private void hashScalar(byte[] header80, int nonceLe, byte[] out32, int[] w, int[] s) {
        w[0] = Sha256Compression.readIntBe(header80, 64);
        w[1] = Sha256Compression.readIntBe(header80, 68);
        w[2] = Sha256Compression.readIntBe(header80, 72);
        w[3] = Integer.reverseBytes(nonceLe); // big-endian word of the little-endian nonce bytes
        w[4] = PAD_WORD;
        Arrays.fill(w, 5, 15, 0);
        w[15] = HEADER_BITS;
        System.arraycopy(state, 0, s, 0, 8);
        Sha256Compression.compress(s, w);

        // Second SHA-256: the 32-byte digest plus fixed padding is exactly one block.
        System.arraycopy(s, 0, w, 0, 8);
        w[8] = PAD_WORD;
        Arrays.fill(w, 9, 15, 0);
        w[15] = DIGEST_BITS;
        Sha256Compression.resetState(s);
        Sha256Compression.compress(s, w);
        for (int i = 0; i < 8; i++) {
            Sha256Compression.writeIntBe(out32, 4 * i, s[i]);
        }
    }

    /**
     * SHA-256d of {@code header80} for the {@code count} consecutive nonces {@code firstNonceLe},
     * {@code firstNonceLe + 1}, ... (mod 2^32): hash k goes to {@code out[outOffset + 32k .. +32)}. The
     * header array is not modified. Allocates nothing; the fast path for scanning nonces, processing
     * {@link Workspace#lanes()} nonces per step.
     *
     * @throws IllegalArgumentException if {@code count} is negative or {@code out} is too short
     */
    public void hashNonces(byte[] header80, int firstNonceLe, int count, byte[] out, int outOffset,
            Workspace workspace) {
        checkHeader(header80);
        if (count < 0) {
            throw new IllegalArgumentException("negative count " + count);
        }
        if (outOffset < 0 || (long) out.length - outOffset < 32L * count) {
            throw new IllegalArgumentException("output needs " + 32L * count + " bytes at offset " + outOffset
                    + ", array has " + out.length);
        }
        final int lanes = workspace.lanes;
        final Sha256Compression.Lanes first = workspace.first;
        final Sha256Compression.Lanes second = workspace.second;
        // Per call, not cached in the workspace: the midstate and bytes 64..75 may differ between calls.
        for (int v = 0; v < 8; v++) {
            Arrays.fill(first.chaining[v], state[v]);
        }
        Arrays.fill(first.schedule[0], Sha256Compression.readIntBe(header80, 64));
        Arrays.fill(first.schedule[1], Sha256Compression.readIntBe(header80, 68));
        Arrays.fill(first.schedule[2], Sha256Compression.readIntBe(header80, 72));
        final int[] nonceWords = first.schedule[3];

        int done = 0;
        while (done < count) {
            final int base = firstNonceLe + done;
            for (int j = 0; j < lanes; j++) {
                nonceWords[j] = Integer.reverseBytes(base + j); // big-endian word of the little-endian nonce
            }
            first.compress();
            // The first digest is the whole message of the second hash (rows 8..15 hold its padding).
            for (int v = 0; v < 8; v++) {
                System.arraycopy(first.state[v], 0, second.schedule[v], 0, lanes);
            }
            second.compress();

            final int n = Math.min(lanes, count - done);
            for (int v = 0; v < 8; v++) {
                final int[] words = second.state[v];
                int pos = outOffset + 32 * done + 4 * v;
                for (int j = 0; j < n; j++, pos += 32) {
                    Sha256Compression.writeIntBe(out, pos, words[j]);
                }
            }
            done += n;
        }
    }

    private static void checkOut32(byte[] out32) {
        if (out32.length < 32) {
            throw new IllegalArgumentException("output needs 32 bytes, has " + out32.length);
        }
    }

    private static void checkHeader(byte[] header80) {
        if (header80.length < HEADER_BYTES) {
            throw new IllegalArgumentException("header needs 80 bytes, has " + header80.length);
        }
    }

    /**
     * Caller-owned scratch for {@link Sha256dMidstate} hashing: message schedules and working variables
     * for {@link #lanes()} nonces at a time. Not thread safe: use one per thread. It holds no header data
     * between calls, so one workspace serves any number of midstates.
     */
    public static final class Workspace {

        /** Default number of nonces hashed per step by {@link Sha256dMidstate#hashNonces} (about 320 KiB). */
        public static final int DEFAULT_LANES = 512;

        private final int lanes;
        private final int[] schedule = new int[Sha256Compression.SCHEDULE_WORDS];
        private final int[] scalarState = new int[Sha256Compression.STATE_WORDS];
        /** The header's second block for each lane; schedule rows 4..15 are its fixed padding. */
        private final Sha256Compression.Lanes first;
        /** The second SHA-256 for each lane; chaining value H(0), schedule rows 8..15 fixed padding. */
        private final Sha256Compression.Lanes second;

        /** A workspace with {@link #DEFAULT_LANES} lanes. */
        public Workspace() {
            this(DEFAULT_LANES);
        }

        /**
         * A workspace hashing {@code lanes} nonces per step (1..4096), holding about 640 bytes per lane.
         * Multiples of 8 keep the vector loops free of scalar tails; long loops amortize their set-up, so
         * throughput grows up to a few hundred lanes (measured best near 512 on AVX2).
         */
        public Workspace(int lanes) {
            if (lanes < 1 || lanes > 4096) {
                throw new IllegalArgumentException("lanes must be in 1..4096, got " + lanes);
            }
            this.lanes = lanes;
            this.first = new Sha256Compression.Lanes(lanes);
            this.second = new Sha256Compression.Lanes(lanes);
            Arrays.fill(first.schedule[4], PAD_WORD);
            Arrays.fill(first.schedule[15], HEADER_BITS);
            Arrays.fill(second.schedule[8], PAD_WORD);
            Arrays.fill(second.schedule[15], DIGEST_BITS);
            for (int v = 0; v < 8; v++) {
                Arrays.fill(second.chaining[v], Sha256Compression.initialStateWord(v));
            }
        }

        /** Nonces hashed per step. */
        public int lanes() {
            return lanes;
        }
    }
}
