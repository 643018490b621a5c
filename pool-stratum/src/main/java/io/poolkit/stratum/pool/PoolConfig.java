package io.poolkit.stratum.pool;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.poolkit.core.address.Address;
import io.poolkit.core.address.Addresses;
import io.poolkit.core.address.Network;
import io.poolkit.core.address.Networks;
import io.poolkit.core.pow.PowAlgorithm;
import io.poolkit.core.pow.PowAlgorithms;
import io.poolkit.core.rpc.RpcCredentials;
import io.poolkit.core.rpc.RpcEndpoint;
import io.poolkit.stratum.job.JobManager;
import io.poolkit.stratum.server.StratumServerConfig;
import io.poolkit.stratum.vardiff.VardiffConfig;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The pool configuration file (YAML), with a default for every option but the pool address and the
 * nodes. Unknown keys are errors (a typo must not silently fall back to a default). Secrets: node
 * passwords come from {@code passwordEnv} (an environment variable) or {@code cookieFile}, or
 * inline {@code password} for tests; they are never logged.
 */
public final class PoolConfig {

    /** Section {@code pool}. */
    public static final class Pool {
        public String algo = "sha256d";
        public String network = "bitcoin-main";
        public String payoutAddress;
        public String poolTag = "/poolkit/";
    }

    /** Section {@code stratum}. */
    public static final class Stratum {
        public String host = "0.0.0.0";
        public int port = 3333;
        public int extranonce2Size = 4;
        public BigDecimal startDifficulty = new BigDecimal("1");
        public Vardiff vardiff = new Vardiff();
        public String versionRollingMask = "1fffe000";
        public int maxLineBytes = 16 * 1024;
        public int pushIntervalSeconds = 30;
        public int authorizeTimeoutSeconds = 60;
        public int idleTimeoutSeconds = 600;
        public int maxConnectionsPerIp = 64;
        public int maxMessagesPerSecond = 100;
        public double maxInvalidShareRatio = 0.5;
        public int banMinutes = 10;
        public int workerThreads = 2;
    }

    /** Section {@code stratum.vardiff}. */
    public static final class Vardiff {
        public boolean enabled = true;
        public int targetShareSeconds = 10;
        public int retargetSeconds = 30;
        public BigDecimal minDifficulty = new BigDecimal("0.001");
        public BigDecimal maxDifficulty = new BigDecimal("1000000000");
        public int maxFactor = 4;
    }

    /** One entry of {@code nodes}. */
    public static final class Node {
        public String name;
        public String url;
        public String user = "";
        public String password;
        public String passwordEnv;
        public String cookieFile;
        public int priority = 0;
        /** Set by code that already holds an endpoint (the demo's own node); never read from files. */
        @com.fasterxml.jackson.annotation.JsonIgnore
        public RpcEndpoint endpoint;
    }

    /** Section {@code jobs}. */
    public static final class Jobs {
        public int pollMillis = 200;
        public int refreshSeconds = 15;
        public int maxNtimeAheadSeconds = 7200;
    }

    /** Section {@code monitor}. */
    public static final class Monitor {
        public boolean enabled = true;
        public String host = "127.0.0.1";
        public int port = 3855;
    }

    /** Section {@code pushBlock}. */
    public static final class PushBlock {
        public boolean enabled = true;
        public int port = 6855;
    }

    /** Section {@code ledger}: where accepted shares and found blocks are recorded. */
    public static final class Ledger {
        public String url = "poolkit-ledger.db";
        public String user = "";
        public String passwordEnv = "";
        public String serverId = "stratum-1";
    }

    /** Section {@code payout}: how found blocks are credited and balances paid ({@code poolkit payout}). */
    public static final class Payout {
        public String scheme = "PPLNS";
        public BigDecimal pplnsFactor = new BigDecimal("2");
        public int feePerMille = 10;
        public String feeAddress = "";
        public int finderBonusPerMille = 0;
        public long ppsBlockReward = 0;
        public int ppsLagSeconds = 60;
        public long minimum = 10_000_000L;
        public long txFeePerOutput = 0;
        public int batchSize = 500;
        public int maturity = 100;
        public int sendGraceSeconds = 600;
        public String walletUrl = "";
        public String walletUser = "";
        public String walletPassword = "";
        public String walletPasswordEnv = "";
        public String walletCookieFile = "";
        public String walletAccount = "";
        public String walletPassphraseEnv = "";
        public int unlockSeconds = 30;
    }

    public Pool pool = new Pool();
    public Stratum stratum = new Stratum();
    public List<Node> nodes = new ArrayList<>();
    public Jobs jobs = new Jobs();
    public Monitor monitor = new Monitor();
    public PushBlock pushBlock = new PushBlock();
    public Ledger ledger = new Ledger();
    public Payout payout = new Payout();

    private static ObjectMapper yaml() {
        return new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    /** Reads and checks a config file; errors name the file and the problem. */
    public static PoolConfig load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            PoolConfig c = yaml().readValue(in, PoolConfig.class);
            c.validate();
            return c;
        } catch (JsonMappingException e) {
            throw new IllegalArgumentException(file + ": " + e.getOriginalMessage()
                    + (e.getLocation() != null ? " (line " + e.getLocation().getLineNr() + ")" : ""));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
        }
    }

    /** Reads a config from YAML text (tests, and the example). */
    public static PoolConfig parse(String yamlText) {
        try {
            PoolConfig c = yaml().readValue(yamlText, PoolConfig.class);
            c.validate();
            return c;
        } catch (IOException e) {
            throw new IllegalArgumentException("bad pool config: " + e.getMessage());
        }
    }

    /** The annotated example config shipped with the library ({@code poolkit stratum example-config}). */
    public static String exampleText() {
        try (InputStream in = PoolConfig.class.getResourceAsStream("/io/poolkit/stratum/pool/example-pool.yml")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("example config missing from the jar", e);
        }
    }

    /** The defaults as a nested map (to check that the example covers every option). */
    public static Map<?, ?> defaultsAsMap() {
        return new ObjectMapper().convertValue(new PoolConfig(), Map.class);
    }

    /** Checks every option; the exception names the first one that is wrong. */
    public void validate() {
        algorithm();
        payoutAddress();
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("nodes: list at least one node (name, url, user and passwordEnv or cookieFile)");
        }
        for (Node n : nodes) {
            endpoint(n);
        }
        serverConfig();
        if (isPps()) {
            ppsCrediter();
            ppsLag();
        } else {
            crediter();
        }
        planner();
        if (payout.maturity < 1) {
            throw new IllegalArgumentException("payout.maturity must be at least 1 confirmation");
        }
        if (payout.sendGraceSeconds < 1) {
            throw new IllegalArgumentException("payout.sendGraceSeconds must be at least 1");
        }
    }

    /** The ledger's name for this pool's chain: the network name. */
    public String chain() {
        return network().name();
    }

    /** Whether payout.scheme is PPS: shares are credited per period by {@link #ppsCrediter()}, not per block. */
    public boolean isPps() {
        return "PPS".equals(payout.scheme.strip().toUpperCase(java.util.Locale.ROOT));
    }

    /**
     * How found blocks are credited: scheme, pool fee (to feeAddress, else the pool address) and finder
     * bonus; for PPS, which credits shares and not blocks, see {@link #ppsCrediter()}.
     */
    public io.poolkit.core.payout.BlockCrediter crediter() {
        io.poolkit.core.payout.RewardScheme scheme;
        try {
            scheme = switch (payout.scheme.strip().toUpperCase(java.util.Locale.ROOT)) {
                case "PROP" -> new io.poolkit.core.payout.Prop();
                case "SOLO" -> new io.poolkit.core.payout.Solo();
                case "PPLNS" -> new io.poolkit.core.payout.Pplns(payout.pplnsFactor);
                case "PPS" -> throw new IllegalArgumentException("PPS credits shares per period, not blocks: use ppsCrediter()");
                default -> throw new IllegalArgumentException("unknown scheme '" + payout.scheme
                        + "': use PROP, PPLNS, SOLO or PPS");
            };
            return new io.poolkit.core.payout.BlockCrediter(scheme, new io.poolkit.core.payout.BlockSplitter(
                    poolFee(), payout.finderBonusPerMille));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("payout: " + e.getMessage());
        }
    }

    /**
     * The PPS crediter (scheme PPS): each share is worth payout.ppsBlockReward times its difficulty over
     * the network difficulty, less the pool fee.
     */
    public io.poolkit.core.payout.PpsCrediter ppsCrediter() {
        try {
            if (!isPps()) {
                throw new IllegalArgumentException("scheme is " + payout.scheme + ", not PPS");
            }
            if (payout.ppsBlockReward <= 0) {
                throw new IllegalArgumentException("scheme PPS needs ppsBlockReward: the block reward, base units, a share"
                        + " is valued against (e.g. 312500000 for 3.125 BTC)");
            }
            return new io.poolkit.core.payout.PpsCrediter(new io.poolkit.core.payout.Pps(poolFee(), payout.ppsBlockReward));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("payout: " + e.getMessage());
        }
    }

    /**
     * How long before now a PPS period ends: shares accepted within it may still be on their way to the
     * ledger (the recorder writes in batches), so they wait for the next run instead of being skipped.
     */
    public Duration ppsLag() {
        if (payout.ppsLagSeconds < 0) {
            throw new IllegalArgumentException("payout.ppsLagSeconds must not be negative");
        }
        return Duration.ofSeconds(payout.ppsLagSeconds);
    }

    private io.poolkit.core.payout.PoolFee poolFee() {
        String feeAddress = payout.feeAddress.isBlank() ? payoutAddress().text() : payout.feeAddress.strip();
        if (!payout.feeAddress.isBlank()) {
            Addresses.parse(feeAddress, network());
        }
        return new io.poolkit.core.payout.PoolFee(payout.feePerMille, feeAddress);
    }

    /** The payout planner: minimum, fee policy, batch size. */
    public io.poolkit.core.payout.PayoutPlanner planner() {
        try {
            io.poolkit.core.payout.FeePolicy fee = payout.txFeePerOutput == 0 ? io.poolkit.core.payout.FeePolicy.poolPays()
                    : io.poolkit.core.payout.FeePolicy.perOutput(payout.txFeePerOutput);
            return new io.poolkit.core.payout.PayoutPlanner(payout.minimum, fee, payout.batchSize);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("payout: " + e.getMessage());
        }
    }

    /** The wallet's RPC endpoint: payout.walletUrl, or the highest-priority node if it is empty. */
    public RpcEndpoint walletEndpoint() {
        if (payout.walletUrl.isBlank()) {
            return endpoint(primaryNode());
        }
        Node n = new Node();
        n.name = "wallet";
        n.url = payout.walletUrl.strip();
        n.user = payout.walletUser;
        n.password = payout.walletPassword.isEmpty() ? null : payout.walletPassword;
        n.passwordEnv = payout.walletPasswordEnv.isEmpty() ? null : payout.walletPasswordEnv;
        n.cookieFile = payout.walletCookieFile.isEmpty() ? null : payout.walletCookieFile;
        return endpoint(n);
    }

    /** The wallet passphrase from payout.walletPassphraseEnv, if configured. */
    public java.util.Optional<String> walletPassphrase() {
        if (payout.walletPassphraseEnv.isBlank()) {
            return java.util.Optional.empty();
        }
        String secret = System.getenv(payout.walletPassphraseEnv);
        if (secret == null) {
            throw new IllegalArgumentException("payout: environment variable " + payout.walletPassphraseEnv + " is not set");
        }
        return java.util.Optional.of(secret);
    }

    /** The node with the highest priority (the first of equals). */
    public Node primaryNode() {
        Node best = nodes.get(0);
        for (Node n : nodes) {
            if (n.priority > best.priority) {
                best = n;
            }
        }
        return best;
    }

    public PowAlgorithm algorithm() {
        return PowAlgorithms.byName(pool.algo);
    }

    public Network network() {
        return Networks.byName(pool.network);
    }

    public Address payoutAddress() {
        if (pool.payoutAddress == null || pool.payoutAddress.isBlank()) {
            throw new IllegalArgumentException("pool.payoutAddress is required: the address block rewards are paid to");
        }
        try {
            return Addresses.parse(pool.payoutAddress, network());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("pool.payoutAddress: " + e.getMessage());
        }
    }

    public StratumServerConfig serverConfig() {
        Vardiff v = stratum.vardiff;
        VardiffConfig vardiff = new VardiffConfig(v.enabled, Duration.ofSeconds(v.targetShareSeconds),
                Duration.ofSeconds(v.retargetSeconds), v.minDifficulty, v.maxDifficulty, v.maxFactor);
        int mask;
        try {
            mask = (int) Long.parseLong(stratum.versionRollingMask, 16);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("stratum.versionRollingMask must be 8 hex digits");
        }
        return new StratumServerConfig(stratum.host, stratum.port, network(), stratum.extranonce2Size,
                stratum.startDifficulty, vardiff, mask, stratum.maxLineBytes, Duration.ofSeconds(stratum.pushIntervalSeconds),
                Duration.ofSeconds(stratum.authorizeTimeoutSeconds), Duration.ofSeconds(stratum.idleTimeoutSeconds),
                stratum.maxConnectionsPerIp, stratum.maxMessagesPerSecond, stratum.maxInvalidShareRatio,
                Duration.ofMinutes(stratum.banMinutes));
    }

    public JobManager.Settings jobSettings() {
        return new JobManager.Settings(payoutAddress(), pool.poolTag, 4, stratum.extranonce2Size,
                Duration.ofMillis(jobs.pollMillis), Duration.ofSeconds(jobs.refreshSeconds),
                Duration.ofSeconds(jobs.maxNtimeAheadSeconds));
    }

    /** The ledger store settings: a SQLite file path or a JDBC URL, credentials from the environment. */
    public io.poolkit.core.ledger.LedgerConfig ledgerConfig() {
        io.poolkit.core.ledger.LedgerConfig c = io.poolkit.core.ledger.LedgerConfig.of(ledger.url);
        if (!ledger.user.isEmpty()) {
            c = c.withUser(ledger.user);
        }
        if (!ledger.passwordEnv.isEmpty()) {
            String secret = System.getenv(ledger.passwordEnv);
            if (secret == null) {
                throw new IllegalArgumentException("ledger: environment variable " + ledger.passwordEnv + " is not set");
            }
            c = c.withPassword(secret);
        }
        return c;
    }

    /** The RPC endpoint of a node entry, with its credentials resolved. */
    public static RpcEndpoint endpoint(Node n) {
        if (n.endpoint != null) {
            return n.endpoint;
        }
        if (n.name == null || n.url == null) {
            throw new IllegalArgumentException("every node needs a name and a url");
        }
        RpcCredentials credentials;
        if (n.cookieFile != null) {
            credentials = RpcCredentials.cookieFile(Path.of(n.cookieFile));
        } else if (n.passwordEnv != null) {
            String secret = System.getenv(n.passwordEnv);
            if (secret == null) {
                throw new IllegalArgumentException("node " + n.name + ": environment variable " + n.passwordEnv + " is not set");
            }
            credentials = RpcCredentials.basic(n.user, secret);
        } else if (n.password != null) {
            credentials = RpcCredentials.basic(n.user, n.password);
        } else {
            credentials = RpcCredentials.none();
        }
        return new RpcEndpoint(n.name, URI.create(n.url), credentials);
    }
}
