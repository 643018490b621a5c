package io.poolkit.pegnet.lxr;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.Optional;

/**
 * The shuffled byte table ("ByteMap") LXRHash looks bytes up in: {@code 2^bits} bytes holding
 * {@code 2^bits / 256} copies of every byte value, permuted by a sequential 64-bit generator seeded with
 * {@link LxrHash#SEED} over {@link LxrHash#PASSES} passes.
 *
 * <p>A map is either on the heap (just generated or loaded) or a read-only memory-mapped file; either way it is
 * read through a {@link ByteBuffer} with absolute gets. Instances are immutable and safe to share between threads.
 */
public final class ByteMap {

    /** Smallest map size LXRHash accepts (upstream refuses to initialise below 8 bits). */
    public static final int MIN_BITS = 8;
    /** Largest map size: PegNet's 1 GiB table. */
    public static final int MAX_BITS = 30;
    /** PegNet's consensus map size. */
    public static final int PEGNET_BITS = 30;

    /**
     * SHA-256 of the correct table for each size we know it for (our own generation, cross-checked with
     * {@code ../shared/vectors/pegnet/lxrhash/bytemap_checksums.tsv}); other sizes are checked against the digest
     * recorded beside the cached file when it was generated.
     */
    private static final Map<Integer, String> KNOWN_SHA256 = Map.of(
            8, "9855b17b807c041622d0f984b6004da28f0554b574f17de788abaa6a38135483",
            10, "c1e50b47f68732bce96e3a01bf53d889071ef31b5732c3f07f460c6aa4adf204",
            12, "6b6690d7d31ae6ac0d8d99dd5ba129a9d885e5c32cd38d698e062f835b6ed6d7",
            16, "7f5df9e4cd8216cabbbd73ce203a0073357a3e8941d32e0adbb65bd32b214461",
            20, "e1369a997f98c3d4dbcf85e0c52b759f7daa57654190665ca62baf05037ea957",
            24, "7d3c0fcbd14067ef7540bef9d46dd676ee216243f1d5daf2607d855d88f3c968",
            30, "55a02ed711747012e92fe70424ed1904de6af0b8def259cc068616b86684e93f");

    /** Receives generation progress: {@code done} of {@code total} shuffle steps. */
    @FunctionalInterface
    public interface Progress {
        /** No reporting. */
        Progress NONE = (done, total) -> { };

        /** Called from the generating thread every {@link #REPORT_EVERY} steps and once at the end. */
        void advanced(long done, long total);
    }

    /** Progress is reported every this many shuffle steps. */
    public static final int REPORT_EVERY = 1 << 20;

    private final int bits;
    private final ByteBuffer bytes;

    private ByteMap(int bits, ByteBuffer bytes) {
        this.bits = bits;
        this.bytes = bytes;
    }

    /** Checks a map size and returns it. */
    public static int checkBits(int bits) {
        if (bits < MIN_BITS || bits > MAX_BITS) {
            throw new IllegalArgumentException("LXRHash map size must be " + MIN_BITS + ".." + MAX_BITS
                    + " bits, got " + bits + " (PegNet uses 30)");
        }
        return bits;
    }

    /** The SHA-256 (lowercase hex) of the correct table of this size, when it is built in. */
    public static Optional<String> knownSha256(int bits) {
        return Optional.ofNullable(KNOWN_SHA256.get(checkBits(bits)));
    }

    /**
     * Wraps existing table bytes (the caller vouches for them: use {@link ByteMapCache} to load a file with
     * verification). The buffer's remaining bytes must be exactly {@code 2^bits}.
     */
    public static ByteMap wrap(int bits, ByteBuffer table) {
        checkBits(bits);
        if (table.remaining() != 1 << bits) {
            throw new IllegalArgumentException("a " + bits + "-bit map is " + (1L << bits) + " bytes, got "
                    + table.remaining());
        }
        return new ByteMap(bits, table.slice().asReadOnlyBuffer());
    }

    /** Generates the table of the given size on the heap. */
    public static ByteMap generate(int bits) {
        return generate(bits, Progress.NONE);
    }

    /** Generates the table of the given size on the heap, reporting progress. */
    public static ByteMap generate(int bits, Progress progress) {
        byte[] map = generateArray(bits, progress);
        return new ByteMap(bits, ByteBuffer.wrap(map).asReadOnlyBuffer());
    }

    /**
     * Generates the raw table. The shuffle is inherently sequential (every lookup index depends on the previous
     * lookup), so the speed comes from a tight loop on a plain array: no bounds-check-defeating tricks, just masks.
     */
    static byte[] generateArray(int bits, Progress progress) {
        checkBits(bits);
        int size = 1 << bits;
        int mask = size - 1;
        byte[] map = new byte[size];
        for (int i = 0; i < size; i++) {
            map[i] = (byte) i;
        }
        long offset = LxrHash.SEED ^ 2458719153079158768L;
        long b = LxrHash.SEED ^ 4631534797403582785L;
        long v = 3523455478921636871L;
        long total = (long) LxrHash.PASSES * size;
        long done = 0;
        for (int pass = 0; pass < LxrHash.PASSES; pass++) {
            for (int start = 0; start < size; start += REPORT_EVERY) {
                int end = Math.min(size, start + REPORT_EVERY);
                for (int i = start; i < end; i++) {
                    offset = (offset << 9) ^ (offset >>> 1) ^ (offset >>> 7) ^ b;
                    v = (map[(int) (offset ^ b) & mask] & 0xFFL) ^ (v << 8) ^ (v >>> 1);
                    b = (v << 7) ^ (v << 13) ^ (v << 33) ^ (v << 52) ^ (b << 9) ^ (b >>> 1);
                    int j = (int) offset & mask;
                    byte t = map[i];
                    map[i] = map[j];
                    map[j] = t;
                }
                done += end - start;
                progress.advanced(done, total);
            }
        }
        return map;
    }

    /** Map size in bits. */
    public int bits() {
        return bits;
    }

    /** Table length in bytes, {@code 2^bits}. */
    public int length() {
        return 1 << bits;
    }

    /** The table's byte at {@code index} (0 .. length-1) as 0..255. */
    public int at(int index) {
        return bytes.get(index) & 0xFF;
    }

    /** A read-only view of the whole table. */
    public ByteBuffer buffer() {
        return bytes.duplicate();
    }

    /** SHA-256 of the table, lowercase hex. */
    public String sha256Hex() {
        return sha256Hex(bytes.duplicate());
    }

    static String sha256Hex(ByteBuffer data) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
        ByteBuffer view = data.duplicate();
        byte[] chunk = new byte[1 << 20];
        while (view.hasRemaining()) {
            int n = Math.min(chunk.length, view.remaining());
            view.get(chunk, 0, n);
            digest.update(chunk, 0, n);
        }
        return io.poolkit.core.bytes.Hex.encode(digest.digest());
    }
}
