package io.poolkit.packetcrypt.roles;

import io.poolkit.packetcrypt.http.RoleServer;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A started role: its server and periodic jobs. {@link #close()} stops the jobs, runs the role's
 * final actions (a last pay log upload), then stops the server and closes what the role opened.
 */
public final class RunningRole implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RunningRole.class);

    private final String name;
    private final RoleServer server;
    private final ScheduledExecutorService jobs;
    private final List<Runnable> onStop;
    private final List<AutoCloseable> resources;
    private final Supplier<Object> status;

    RunningRole(String name, RoleServer server, ScheduledExecutorService jobs, List<Runnable> onStop,
                List<AutoCloseable> resources, Supplier<Object> status) {
        this.name = name;
        this.server = server;
        this.jobs = jobs;
        this.onStop = List.copyOf(onStop);
        this.resources = List.copyOf(resources);
        this.status = status;
    }

    /** The role's name, e.g. {@code ann0}. */
    public String name() {
        return name;
    }

    /** The URL the role listens on. */
    public String baseUrl() {
        return server.baseUrl();
    }

    /** The role's status object (serializable to JSON). */
    public Object status() {
        return status.get();
    }

    @Override
    public void close() {
        jobs.shutdownNow();
        try {
            jobs.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Runnable r : onStop) {
            try {
                r.run();
            } catch (RuntimeException e) {
                LOG.warn("{}: final action failed: {}", name, e.getMessage());
            }
        }
        server.close();
        for (AutoCloseable c : resources) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.warn("{}: closing failed: {}", name, e.getMessage());
            }
        }
        LOG.info("{} stopped", name);
    }
}
