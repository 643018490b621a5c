package io.poolkit.cli;

import io.poolkit.pegnet.lxr.ByteMap;
import io.poolkit.pegnet.lxr.ByteMapCache;
import io.poolkit.pegnet.lxr.LxrHash;
import java.util.function.Function;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/**
 * LXRHash tables for the commands: small maps (up to {@value #IN_MEMORY_MAX_BITS} bits, under a second) are generated
 * in memory; larger ones come from the verified on-disk cache and are generated into it with a progress bar on
 * standard error the first time.
 */
final class LxrTables {

    /** Maps up to this size are generated on the fly rather than cached. */
    static final int IN_MEMORY_MAX_BITS = 20;

    private LxrTables() {
    }

    static LxrHash hasher(int bits) {
        ByteMap.checkBits(bits);
        if (bits <= IN_MEMORY_MAX_BITS) {
            return new LxrHash(ByteMap.generate(bits));
        }
        return new LxrHash(load(ByteMapCache.atDefaultLocation(), bits).map());
    }

    static ByteMapCache.Loaded load(ByteMapCache cache, int bits) {
        return withProgress(bits, progress -> cache.load(bits, progress));
    }

    static ByteMap generate(int bits) {
        return withProgress(bits, progress -> ByteMap.generate(bits, progress));
    }

    private static <T> T withProgress(int bits, Function<ByteMap.Progress, T> work) {
        if (bits <= IN_MEMORY_MAX_BITS) {
            return work.apply(ByteMap.Progress.NONE); // under a second: no bar
        }
        ProgressBar[] bar = new ProgressBar[1];
        try {
            return work.apply((done, total) -> {
                if (bar[0] == null) {
                    bar[0] = new ProgressBarBuilder()
                            .setTaskName("LXRHash " + bits + "-bit table")
                            .setInitialMax(total)
                            .setUnit(" M steps", 1 << 20)
                            .setConsumer(new ConsoleProgressBarConsumer(System.err))
                            .showSpeed()
                            .build();
                }
                bar[0].stepTo(done);
            });
        } finally {
            if (bar[0] != null) {
                bar[0].close();
            }
        }
    }
}
