package io.poolkit.packetcrypt.annhandler;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The accepted anns as files for block miners: one open file per parent height, closed when it
 * holds {@code annsPerFile} anns or is {@code fileMillis} old; the newest {@code filesToKeep}
 * closed files are served. Thread-safe.
 */
final class AnnFiles {

    private static final class Open {
        final long openedAt;
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int count;

        Open(long openedAt) {
            this.openedAt = openedAt;
        }
    }

    private final int handlerIndex;
    private final AnnHandlerSettings settings;
    private final Map<Long, Open> open = new LinkedHashMap<>();
    private final LinkedHashMap<String, byte[]> closed = new LinkedHashMap<>();
    private long nextFileNo;
    private long highest = -1;

    AnnFiles(AnnHandlerSettings settings) {
        this.settings = settings;
        this.handlerIndex = settings.handlerIndex();
    }

    synchronized void add(long parentHeight, byte[] ann, long now) {
        Open f = open.computeIfAbsent(parentHeight, h -> new Open(now));
        f.bytes.writeBytes(ann);
        f.count++;
        if (f.count >= settings.annsPerFile()) {
            close(parentHeight, f);
        }
    }

    /** Closes files that are old enough. */
    synchronized void tick(long now) {
        List<Long> due = new ArrayList<>();
        open.forEach((h, f) -> {
            if (now - f.openedAt >= settings.fileMillis()) {
                due.add(h);
            }
        });
        due.forEach(h -> close(h, open.get(h)));
    }

    private void close(long parentHeight, Open f) {
        open.remove(parentHeight);
        long no = nextFileNo++;
        closed.put("anns_" + parentHeight + "_" + handlerIndex + "_" + no + ".bin", f.bytes.toByteArray());
        highest = no;
        while (closed.size() > settings.filesToKeep()) {
            closed.remove(closed.keySet().iterator().next());
        }
    }

    synchronized Optional<byte[]> file(String name) {
        return Optional.ofNullable(closed.get(name));
    }

    synchronized long highestFile() {
        return highest;
    }

    synchronized List<String> names() {
        return new ArrayList<>(closed.keySet());
    }
}
