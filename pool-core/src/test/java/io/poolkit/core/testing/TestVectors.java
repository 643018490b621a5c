package io.poolkit.core.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Loads the test vectors from the real systems in {@code ../shared/vectors} (the Maven build passes
 * the folder as the system property {@code poolkit.vectors.dir}). A missing vector fails the test:
 * vectors are never optional.
 */
public final class TestVectors {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TestVectors() {
    }

    /** The vectors folder. */
    public static Path dir() {
        String configured = System.getProperty("poolkit.vectors.dir", System.getenv("POOLKIT_VECTORS_DIR"));
        Path dir = configured != null ? Path.of(configured) : Path.of("..", "shared", "vectors");
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("test vectors not found at " + dir.toAbsolutePath()
                    + "; they live in ../shared/vectors beside the repository (or set POOLKIT_VECTORS_DIR)");
        }
        return dir;
    }

    public static Path path(String relative) {
        Path p = dir().resolve(relative);
        if (!Files.exists(p)) {
            throw new IllegalStateException("test vector file missing: " + p.toAbsolutePath());
        }
        return p;
    }

    public static JsonNode json(String relative) {
        try {
            return JSON.readTree(path(relative).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(String relative) {
        try {
            return Files.readString(path(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
