package io.poolkit.packetcrypt.roles;

import io.poolkit.core.ledger.LedgerConfig;
import io.poolkit.core.rpc.JsonRpc;
import io.poolkit.core.rpc.JsonRpcClient;
import io.poolkit.packetcrypt.annhandler.AnnHandler;
import io.poolkit.packetcrypt.annhandler.AnnHandlerSettings;
import io.poolkit.packetcrypt.blkhandler.BlkHandler;
import io.poolkit.packetcrypt.config.PoolYaml;
import io.poolkit.packetcrypt.http.HttpHandler;
import io.poolkit.packetcrypt.http.RoleServer;
import io.poolkit.packetcrypt.master.Master;
import io.poolkit.packetcrypt.master.MasterClient;
import io.poolkit.packetcrypt.master.MasterSettings;
import io.poolkit.packetcrypt.paymaker.PayMaker;
import io.poolkit.packetcrypt.paymaker.PaylogStore;
import io.poolkit.packetcrypt.paymaker.PaylogUploader;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts one role of the pool described by a {@link PoolYaml}: {@code master}, {@code ann N},
 * {@code blk N} or {@code paymaker}. Body limits: 1 MiB of anns per AnnHandler post (1024 anns),
 * 65535 bytes per share, 64 MiB per pay log, nothing for the master (GET only).
 */
public final class PoolRoles {

    private static final Logger LOG = LoggerFactory.getLogger(PoolRoles.class);
    /** Largest ann batch: 1024 anns. */
    public static final int MAX_ANN_BODY = 1024 * 1024;
    /** Largest share body (the original's limit). */
    public static final int MAX_SHARE_BODY = 65535;
    /** Largest pay log. */
    public static final int MAX_PAYLOG_BODY = 64 * 1024 * 1024;

    private final PoolYaml config;
    private final Function<String, String> env;
    private final Clock clock;

    /**
     * Roles of this pool.
     *
     * @param config the pool config
     * @param env    environment lookup for secrets
     * @param clock  time for events and ages
     */
    public PoolRoles(PoolYaml config, Function<String, String> env, Clock clock) {
        this.config = config;
        this.env = env;
        this.clock = clock;
    }

    private JsonRpc node() {
        return JsonRpcClient.create(config.rpcEndpoint(env));
    }

    private static ScheduledExecutorService jobs(String name) {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name + "-jobs");
            t.setDaemon(true);
            return t;
        });
    }

    private static RoleServer server(String name, PoolYaml.Listen l, int maxBody, HttpHandler h) throws IOException {
        return new RoleServer(name, l.host, l.port, maxBody, l.maxConnections, h).start();
    }

    /** Starts the Master. */
    public RunningRole master() throws IOException {
        PoolYaml.Master m = config.master;
        MasterSettings s = new MasterSettings(m.url, config.annHandlers.stream().map(a -> a.url).toList(),
                config.blkHandlers.stream().map(b -> b.url).toList(), config.payMaker.url, m.annMinWork,
                m.shareWorkDivisor, m.annVersions, m.mineOldAnns, m.longPollMillis, config.privateSeed(env),
                Optional.ofNullable(m.workdir).filter(w -> !w.isBlank()).map(Path::of));
        Master master = new Master(s, node());
        master.poll();
        RoleServer server = server("master", m, 0, master);
        ScheduledExecutorService jobs = jobs("master");
        jobs.scheduleWithFixedDelay(master::poll, m.pollMillis, m.pollMillis, TimeUnit.MILLISECONDS);
        return new RunningRole("master", server, jobs, List.of(), List.of(), master::status);
    }

    /** A handler's pay-log uploader, spooling in its paylogDir or in {@code fallback}. */
    private PaylogUploader paylog(PoolYaml.Listen handler, String fallback) {
        Path dir = Path.of(handler.paylogDir == null || handler.paylogDir.isBlank() ? fallback : handler.paylogDir);
        return new PaylogUploader(config.payMaker.url, config.paymakerPassword(env), dir);
    }

    /** Starts AnnHandler number {@code index}. */
    public RunningRole annHandler(int index) throws IOException {
        if (index < 0 || index >= config.annHandlers.size()) {
            throw new IllegalArgumentException("annHandlers has " + config.annHandlers.size() + " entries; there is no "
                    + "handler " + index);
        }
        PoolYaml.AnnHandler a = config.annHandlers.get(index);
        PaylogUploader up = paylog(a, "paylog-ann" + index);
        AnnHandler h = new AnnHandler(new AnnHandlerSettings(index, config.annHandlers.size(), a.skipCheckChance,
                a.annsPerFile, a.filesToKeep, a.fileMillis, 6), new MasterClient(config.master.url, clock), up, clock,
                new SplittableRandom(new SecureRandom().nextLong()));
        RoleServer server = server("ann" + index, a, MAX_ANN_BODY, h);
        ScheduledExecutorService jobs = jobs("ann" + index);
        long every = config.payMaker.uploadSeconds;
        jobs.scheduleWithFixedDelay(up::flush, every, every, TimeUnit.SECONDS);
        return new RunningRole("ann" + index, server, jobs, List.of(up::flush), List.of(up),
                () -> Map.of("handler", index, "counters", h.counters(), "paylog", up.counters()));
    }

    /** Starts BlkHandler number {@code index}. */
    public RunningRole blkHandler(int index) throws IOException {
        if (index < 0 || index >= config.blkHandlers.size()) {
            throw new IllegalArgumentException("blkHandlers has " + config.blkHandlers.size() + " entries; there is no "
                    + "handler " + index);
        }
        PoolYaml.Listen b = config.blkHandlers.get(index);
        PaylogUploader up = paylog(b, "paylog-blk" + index);
        BlkHandler h = new BlkHandler(new MasterClient(config.master.url, clock), node(), up, config.privateSeed(env),
                clock);
        RoleServer server = server("blk" + index, b, MAX_SHARE_BODY, h);
        ScheduledExecutorService jobs = jobs("blk" + index);
        jobs.scheduleWithFixedDelay(() -> {
            try {
                h.tick();
            } catch (IOException | RuntimeException e) {
                LOG.warn("blk{}: following the master failed: {}", index, e.getMessage());
            }
        }, 1, 1, TimeUnit.SECONDS);
        long every = config.payMaker.uploadSeconds;
        jobs.scheduleWithFixedDelay(up::flush, every, every, TimeUnit.SECONDS);
        return new RunningRole("blk" + index, server, jobs, List.of(up::flush), List.of(up),
                () -> Map.of("handler", index, "counters", h.counters(), "paylog", up.counters()));
    }

    /** Starts the PayMaker (its ledger is opened and migrated, stored logs replayed). */
    public RunningRole payMaker() throws IOException {
        PoolYaml.PayMaker p = config.payMaker;
        PaylogStore store = PaylogStore.open(LedgerConfig.of(p.ledger));
        List<AutoCloseable> resources = new ArrayList<>();
        resources.add(store);
        try {
            Optional<JsonRpc> node = p.updateCycle > 0 ? Optional.of(node()) : Optional.empty();
            PayMaker pm = new PayMaker(config.payMakerSettings(), config.paymakerPassword(env), store, node, clock);
            RoleServer server = server("paymaker", p, MAX_PAYLOG_BODY, pm);
            ScheduledExecutorService jobs = jobs("paymaker");
            if (p.updateCycle > 0) {
                jobs.scheduleWithFixedDelay(() -> {
                    try {
                        pm.pushPayouts();
                    } catch (RuntimeException e) {
                        LOG.warn("paymaker: telling the node whom to pay failed: {}", e.getMessage());
                    }
                }, p.updateCycle, p.updateCycle, TimeUnit.SECONDS);
            }
            return new RunningRole("paymaker", server, jobs, List.of(), resources, pm::status);
        } catch (IOException | RuntimeException e) {
            store.close();
            throw e;
        }
    }
}
