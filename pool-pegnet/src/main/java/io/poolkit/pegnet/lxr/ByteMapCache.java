package io.poolkit.pegnet.lxr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * LXRHash tables cached on disk. A table file is named like upstream's
 * ({@code lxrhash-seed-fafaececfafaecec-passes-5-size-30.dat}) and is used only after its SHA-256 matches: the
 * built-in digest for sizes we know ({@link ByteMap#knownSha256}), otherwise the digest recorded in the
 * {@code .sha256} file written beside it at generation. Upstream trusts any file of the right length; a truncated
 * or corrupted table here is reported and regenerated instead of silently producing wrong hashes.
 *
 * <p>Verified files are memory-mapped read-only, so several processes share one copy in the page cache.
 */
public final class ByteMapCache {

    private static final Logger LOG = LoggerFactory.getLogger(ByteMapCache.class);

    private final Path directory;

    /** A cache in {@code directory} (created when a table is first written). */
    public ByteMapCache(Path directory) {
        this.directory = directory;
    }

    /**
     * The default cache directory: {@code $POOLKIT_CACHE_DIR/lxrhash} if that variable is set, else
     * {@code ~/.cache/poolkit/lxrhash}.
     */
    public static Path defaultDirectory() {
        String configured = System.getenv("POOLKIT_CACHE_DIR");
        Path base = configured != null && !configured.isBlank()
                ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".cache", "poolkit");
        return base.resolve("lxrhash");
    }

    /** The cache in {@link #defaultDirectory()}. */
    public static ByteMapCache atDefaultLocation() {
        return new ByteMapCache(defaultDirectory());
    }

    /** The directory. */
    public Path directory() {
        return directory;
    }

    /** The file a table of this size is cached in. */
    public Path file(int bits) {
        ByteMap.checkBits(bits);
        return directory.resolve(String.format(Locale.ROOT, "lxrhash-seed-%x-passes-%d-size-%d.dat",
                LxrHash.SEED, LxrHash.PASSES, bits));
    }

    private Path digestFile(int bits) {
        Path f = file(bits);
        return f.resolveSibling(f.getFileName() + ".sha256");
    }

    /** Result of {@link #load}: the table and whether it had to be generated. */
    public record Loaded(ByteMap map, boolean generated, Path file) {
    }

    /**
     * The verified cached table if there is one; a missing file gives empty, a file that fails verification
     * throws (see {@link #load} to regenerate instead).
     */
    public Optional<ByteMap> cached(int bits) {
        Path f = file(bits);
        if (!Files.exists(f)) {
            return Optional.empty();
        }
        return Optional.of(mapVerified(bits, f).orElseThrow(() -> new IllegalStateException(
                "cached LXRHash table " + f + " fails its SHA-256 check; delete it or run `poolkit pegnet table --bits "
                        + bits + "` to rebuild it")));
    }

    /**
     * The table of this size: the cached file if it verifies, otherwise generated (reporting progress), written
     * atomically to the cache and mapped.
     */
    public Loaded load(int bits, ByteMap.Progress progress) {
        Path f = file(bits);
        if (Files.exists(f)) {
            Optional<ByteMap> ok = mapVerified(bits, f);
            if (ok.isPresent()) {
                return new Loaded(ok.get(), false, f);
            }
            LOG.warn("cached LXRHash table {} fails its SHA-256 check; regenerating it", f);
        }
        ByteMap generated = ByteMap.generate(bits, progress);
        String digest = generated.sha256Hex();
        String expected = ByteMap.knownSha256(bits).orElse(digest);
        if (!expected.equals(digest)) {
            throw new IllegalStateException("generated " + bits + "-bit LXRHash table has SHA-256 " + digest
                    + ", expected " + expected + " (a bug or a memory fault)");
        }
        write(generated, f, digest);
        return new Loaded(mapVerified(bits, f).orElseThrow(() -> new IllegalStateException(
                "LXRHash table " + f + " changed while it was being written")), true, f);
    }

    /** Writes a table (and its digest) to {@code file} via a temporary file and an atomic rename. */
    public static void write(ByteMap map, Path file, String sha256Hex) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            try {
                try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                    ByteBuffer data = map.buffer();
                    while (data.hasRemaining()) {
                        ch.write(data);
                    }
                    ch.force(true);
                }
                Path digest = file.resolveSibling(file.getFileName() + ".sha256");
                Files.writeString(digest, sha256Hex + "  " + file.getFileName() + "\n", StandardCharsets.US_ASCII);
                move(tmp, file);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write LXRHash table " + file + ": " + e.getMessage(), e);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Maps {@code file} read-only and returns it if its length and SHA-256 are right for a {@code bits}-bit table
     * (the built-in digest, else the recorded one).
     */
    public Optional<ByteMap> mapVerified(int bits, Path file) {
        try {
            if (Files.size(file) != 1L << bits) {
                return Optional.empty();
            }
            Optional<String> expected = ByteMap.knownSha256(bits);
            if (expected.isEmpty()) {
                Path digest = digestFile(bits);
                if (!Files.exists(digest)) {
                    return Optional.empty();
                }
                String recorded = Files.readString(digest, StandardCharsets.US_ASCII).strip().split("\\s+")[0];
                expected = Optional.of(recorded);
            }
            MappedByteBuffer mapped;
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                mapped = ch.map(FileChannel.MapMode.READ_ONLY, 0, 1L << bits);
            }
            if (!ByteMap.sha256Hex(mapped).equals(expected.get())) {
                return Optional.empty();
            }
            return Optional.of(ByteMap.wrap(bits, mapped));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read LXRHash table " + file + ": " + e.getMessage(), e);
        }
    }
}
