package io.poolkit.core.pow.x11;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** The eleven X11 primitives by name, in chain order; each call makes fresh (single-thread) instances. */
public final class X11Primitives {

    private static final Map<String, Supplier<Hash512>> BY_NAME = new LinkedHashMap<>();

    static {
        BY_NAME.put("blake512", Blake512::new);
        BY_NAME.put("bmw512", Bmw512::new);
        BY_NAME.put("groestl512", Groestl512::new);
        BY_NAME.put("skein512", Skein512::new);
        BY_NAME.put("jh512", Jh512::new);
        BY_NAME.put("keccak512", Keccak512::new);
        BY_NAME.put("luffa512", Luffa512::new);
        BY_NAME.put("cubehash512", CubeHash512::new);
        BY_NAME.put("shavite512", Shavite512::new);
        BY_NAME.put("simd512", Simd512::new);
        BY_NAME.put("echo512", Echo512::new);
    }

    private X11Primitives() {
    }

    /** Names in chain order: blake512, bmw512, ..., echo512. */
    public static List<String> names() {
        return List.copyOf(BY_NAME.keySet());
    }

    /** A new instance of the named primitive, if there is one. */
    public static Optional<Hash512> create(String name) {
        Supplier<Hash512> s = BY_NAME.get(name);
        return s == null ? Optional.empty() : Optional.of(s.get());
    }

    /** New instances of all eleven, in chain order. */
    static List<Hash512> chain() {
        List<Hash512> out = new ArrayList<>();
        BY_NAME.values().forEach(s -> out.add(s.get()));
        return out;
    }
}
