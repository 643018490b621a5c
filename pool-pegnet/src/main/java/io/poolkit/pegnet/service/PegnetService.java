package io.poolkit.pegnet.service;

import io.poolkit.core.ledger.LedgerConfig;
import io.poolkit.core.ledger.LedgerStore;
import io.poolkit.pegnet.factom.EcKey;
import io.poolkit.pegnet.factom.FactomdClient;
import io.poolkit.pegnet.factom.FactomdRpc;
import io.poolkit.pegnet.factom.MinuteKeeper;
import io.poolkit.pegnet.lxr.LxrHash;
import io.poolkit.pegnet.pool.Accountant;
import io.poolkit.pegnet.pool.JobFactory;
import io.poolkit.pegnet.pool.LedgerPegnetStore;
import io.poolkit.pegnet.pool.OprSubmitter;
import io.poolkit.pegnet.pool.OwedPayouts;
import io.poolkit.pegnet.pool.PegnetPool;
import io.poolkit.pegnet.pool.PriceSource;
import io.poolkit.pegnet.pool.SubmissionPolicy;
import io.poolkit.pegnet.stratum.AdminCommands;
import io.poolkit.pegnet.stratum.AdminConsole;
import io.poolkit.pegnet.stratum.Authorizer;
import io.poolkit.pegnet.stratum.ProsperConfig;
import io.poolkit.pegnet.stratum.ProsperServer;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running PegNet pool: ledger, factomd client and minute keeper, Prosper stratum server and admin console,
 * rolling submitter and accountant (restored from the ledger), and one thread that polls factomd every
 * {@code pollMillis} and hands shares over every 200 ms. {@link #close()} stops polling, hands over the last
 * shares and closes everything, so no accepted share is lost.
 */
public final class PegnetService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PegnetService.class);

    private final LedgerStore ledger;
    private final LedgerPegnetStore store;
    private final ProsperServer server;
    private final AdminConsole console;
    private final PegnetPool pool;
    private final MinuteKeeper keeper;
    private final ScheduledExecutorService loop;
    private final Consumer<String> events;

    private PegnetService(LedgerStore ledger, LedgerPegnetStore store, ProsperServer server, AdminConsole console,
            PegnetPool pool, MinuteKeeper keeper, Consumer<String> events) {
        this.ledger = ledger;
        this.store = store;
        this.server = server;
        this.console = console;
        this.pool = pool;
        this.keeper = keeper;
        this.events = events;
        this.loop = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "pegnet-pool");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Starts the pool described by {@code c}; {@code lxr} is the table of {@code c.lxrBits} (the caller loads or
     * builds it), {@code env} the environment (EC secret), {@code events} receives one line per notable event.
     */
    public static PegnetService start(PegnetConfig c, LxrHash lxr, Map<String, String> env, Clock clock,
            Consumer<String> events) throws InterruptedException {
        if (lxr.bits() != c.lxrBits) {
            throw new IllegalArgumentException("the LXRHash table has " + lxr.bits() + " bits, config says "
                    + c.lxrBits);
        }
        EcKey key = EcKey.fromSecret(c.ecSecret(env).orElseThrow(() -> new IllegalArgumentException(
                "no EC secret: set ecSecret in the config or the environment variable " + c.ecSecretEnv)));
        LedgerConfig lc = LedgerConfig.of(c.ledger);
        LedgerStore ledger = LedgerStore.open(lc);
        LedgerPegnetStore store = null;
        ProsperServer server = null;
        AdminConsole console = null;
        try {
            store = new LedgerPegnetStore(ledger, lc, c.feeAccount);
            FactomdClient factomd = new FactomdClient(new FactomdRpc(URI.create(c.factomd), Duration.ofSeconds(10)));
            MinuteKeeper keeper = new MinuteKeeper(factomd);
            long ema = store.latestEma().map(e -> e[1]).orElse(0L);
            SubmissionPolicy policy = new SubmissionPolicy(c.submit.emaN, c.submit.cutoff, c.submit.softmax,
                    c.submit.sortByDifficulty, ema);
            OprSubmitter submitter = new OprSubmitter(factomd, key, policy, store, clock);
            Accountant accountant = new Accountant(store, OwedPayouts.parseFeeRate(c.poolFeeRate), clock);
            int replayed = accountant.restore();
            JobFactory jobs = new JobFactory(c.identity, c.coinbase, PriceSource.fixed(c.prices));
            long start = c.startHeight > 0 ? c.startHeight : factomd.heights().directoryBlock();
            PegnetPool[] holder = new PegnetPool[1];
            Authorizer auth = c.users.isEmpty() ? Authorizer.ANY : Authorizer.users(new HashSet<>(c.users));
            ProsperConfig pc = new ProsperConfig(c.stratum.host, c.stratum.port, 4096, c.stratum.maxConnections,
                    c.stratum.maxMessagesPerSecond, 20, Duration.ofMinutes(10), c.stratum.validateAllShares,
                    c.stratum.allowUnauthorized, c.stratum.welcome);
            server = new ProsperServer(pc, lxr, auth, share -> holder[0].offer(share), keeper, clock,
                    RandomGenerator.of("L64X128MixRandom"), 2).start();
            holder[0] = new PegnetPool(factomd, lxr, jobs, submitter, accountant, server::notifyAll, start);
            if (c.stratum.adminPort >= 0) {
                console = new AdminConsole(new AdminCommands(server), c.stratum.adminPort).start();
            }
            PegnetService s = new PegnetService(ledger, store, server, console, holder[0], keeper, events);
            events.accept("PegNet pool " + c.identity + " on stratum port " + server.port()
                    + (console != null ? ", admin console 127.0.0.1:" + console.port() : "")
                    + ", EC " + key.publicAddress() + ", starting after height " + start + ", EMA " + Long
                    .toUnsignedString(ema, 16) + ", " + replayed + " in-flight shares restored");
            s.loop.scheduleWithFixedDelay(s::poll, 0, c.pollMillis, TimeUnit.MILLISECONDS);
            s.loop.scheduleWithFixedDelay(s::drain, 200, 200, TimeUnit.MILLISECONDS);
            return s;
        } catch (RuntimeException | InterruptedException e) {
            if (console != null) {
                console.close();
            }
            if (server != null) {
                server.close();
            }
            if (store != null) {
                store.close();
            }
            ledger.close();
            throw e;
        }
    }

    private void poll() {
        try {
            keeper.poll();
            List<PegnetPool.BlockReport> reports = pool.runOnce();
            for (PegnetPool.BlockReport r : reports) {
                store.saveEma(r.height(), r.minimumTarget(), r.ema());
                events.accept("block " + r.height() + ": " + r.graded() + " of our OPRs graded, " + r.winning()
                        + " won, reward " + r.reward() + " pegtoshi" + r.owed().map(o -> ", fee " + o.poolFee()
                        + ", owed to " + o.users().size() + " users, dust " + o.dust()).orElse("")
                        + "; EMA " + Long.toUnsignedString(r.ema(), 16));
            }
        } catch (RuntimeException e) {
            LOG.warn("sync failed (retrying next poll): {}", e.getMessage());
            events.accept("sync failed, retrying: " + e.getMessage());
        }
    }

    private void drain() {
        try {
            pool.drainShares();
        } catch (RuntimeException e) {
            LOG.warn("handing shares over failed: {}", e.getMessage());
        }
    }

    /** The stratum port. */
    public int stratumPort() {
        return server.port();
    }

    /** The admin console port, if enabled. */
    public Optional<Integer> adminPort() {
        return Optional.ofNullable(console).map(AdminConsole::port);
    }

    /** The pool engine (status). */
    public PegnetPool pool() {
        return pool;
    }

    /** The stratum server (status). */
    public ProsperServer server() {
        return server;
    }

    /** Stops cleanly: no new shares, the queued ones are handed over, then everything closes. */
    @Override
    public void close() {
        loop.shutdown();
        try {
            loop.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (console != null) {
            console.close();
        }
        server.close();
        try {
            pool.drainShares();
        } catch (RuntimeException e) {
            LOG.warn("handing the last shares over failed: {}", e.getMessage());
        }
        store.close();
        ledger.close();
    }
}
