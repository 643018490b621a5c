package io.poolkit.stratum.job;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The jobs miners may currently submit against. A job published with {@code clean} (a new block
 * height) retires every earlier job, so shares for them are stale; otherwise the last
 * {@code keepJobs} jobs stay valid. Each active job has the set of share keys accepted for it
 * (duplicate detection across all connections). Thread safe.
 */
public final class JobBoard {

    /** A job was published; {@code clean} tells miners to drop older work. */
    public record Update(StratumJob job, boolean clean) {
    }

    private final int keepJobs;
    private final Map<String, Set<String>> active = new LinkedHashMap<>();
    private final Deque<String> order = new ArrayDeque<>();
    private final List<Consumer<Update>> listeners = new CopyOnWriteArrayList<>();
    private volatile StratumJob current;

    public JobBoard(int keepJobs) {
        if (keepJobs < 1) {
            throw new IllegalArgumentException("keepJobs must be at least 1");
        }
        this.keepJobs = keepJobs;
    }

    public void addListener(Consumer<Update> listener) {
        listeners.add(listener);
    }

    /** Makes {@code job} current and tells every listener. */
    public void publish(StratumJob job, boolean clean) {
        synchronized (this) {
            if (clean) {
                active.clear();
                order.clear();
            }
            active.put(job.id(), ConcurrentHashMap.newKeySet());
            order.addLast(job.id());
            while (order.size() > keepJobs) {
                active.remove(order.removeFirst());
            }
            current = job;
        }
        Update update = new Update(job, clean);
        for (Consumer<Update> l : listeners) {
            l.accept(update);
        }
    }

    public Optional<StratumJob> current() {
        return Optional.ofNullable(current);
    }

    public synchronized boolean isActive(String jobId) {
        return active.containsKey(jobId);
    }

    /** The accepted-share keys of an active job; empty (and unmodifiable) if the job is not active. */
    public synchronized Set<String> acceptedKeys(String jobId) {
        Set<String> keys = active.get(jobId);
        return keys != null ? keys : Collections.emptySet();
    }

    public synchronized int activeCount() {
        return active.size();
    }
}
