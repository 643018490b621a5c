package io.poolkit.core.pow;

import io.poolkit.core.pow.x11.X11Algorithm;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The proof-of-work algorithms by name. Each is thread safe and can be shared. */
public final class PowAlgorithms {

    public static final PowAlgorithm SHA256D = new Sha256dAlgorithm();
    public static final PowAlgorithm SCRYPT = new ScryptAlgorithm();
    public static final PowAlgorithm SCRYPTN = new ScryptNAlgorithm();
    public static final PowAlgorithm X11 = new X11Algorithm();

    private static final Map<String, PowAlgorithm> BY_NAME = new LinkedHashMap<>();

    static {
        for (PowAlgorithm a : List.of(SHA256D, SCRYPT, SCRYPTN, X11)) {
            BY_NAME.put(a.name(), a);
        }
    }

    private PowAlgorithms() {
    }

    public static List<String> names() {
        return List.copyOf(BY_NAME.keySet());
    }

    public static Optional<PowAlgorithm> find(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** The named algorithm, or an error listing the names there are. */
    public static PowAlgorithm byName(String name) {
        PowAlgorithm a = BY_NAME.get(name);
        if (a == null) {
            throw new IllegalArgumentException("unknown algorithm '" + name + "'; known: " + String.join(", ", BY_NAME.keySet()));
        }
        return a;
    }
}
