package io.poolkit.packetcrypt.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.poolkit.core.rpc.RpcCredentials;
import io.poolkit.core.rpc.RpcEndpoint;
import io.poolkit.packetcrypt.paymaker.PayMakerSettings;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The pool config, read from YAML with unknown keys refused. Secrets may be given inline or,
 * better, as the name of an environment variable ({@code ...Env}); they are never printed
 * ({@link #toString()} shows none). Field names follow the node.js pool's pool.js.
 */
public final class PoolYaml {

    /** The node's JSON-RPC endpoint. */
    public static final class Rpc {
        /** Node URL, e.g. http://127.0.0.1:64765. */
        public String url = "http://127.0.0.1:64765";
        /** RPC user. */
        public String user = "x";
        /** RPC password (prefer passwordEnv). */
        public String password;
        /** Environment variable holding the RPC password. */
        public String passwordEnv;
    }

    /** Where a role listens and how it is reached from outside. */
    public static class Listen {
        /** The URL miners and other roles use (external address). */
        public String url;
        /** Bind address. */
        public String host = "127.0.0.1";
        /** Bind port (0: any free port). */
        public int port;
        /** Most requests in progress at once (the original's maxConnections). */
        public int maxConnections = 50;
        /**
         * Handlers only: the folder where pay-log events wait until the PayMaker has them (they survive a
         * crash). Default: {@code paylog-ann<N>} or {@code paylog-blk<N>} in the working directory.
         */
        public String paylogDir;
    }

    /** The Master. */
    public static final class Master extends Listen {
        /** Minimum announcement work; the ann target is annWorkToTarget(annMinWork). */
        public double annMinWork = 128;
        /** Expected shares per block. */
        public double shareWorkDivisor = 4;
        /** Accepted ann versions (the first one is required). */
        public List<Integer> annVersions = new ArrayList<>(List.of(1));
        /** How many blocks old ann miners should mine. */
        public int mineOldAnns = 2;
        /** How often the node is polled for a new tip, ms. */
        public long pollMillis = 1000;
        /** How long a work long-poll is held before "try again", ms. */
        public long longPollMillis = 30_000;
        /** Folder for work_/bt_ files (kept across restarts so shares stay valid); empty: memory only. */
        public String workdir;
    }

    /** One AnnHandler. */
    public static final class AnnHandler extends Listen {
        /** Fraction of anns not fully validated (the original's default is 0.5). */
        public double skipCheckChance = 0.5;
        /** Ann files served to block miners. */
        public int filesToKeep = 64;
        /** Most anns in one file. */
        public int annsPerFile = 1024;
        /** A file is closed after this many ms. */
        public long fileMillis = 30_000;
    }

    /** The PayMaker. */
    public static final class PayMaker extends Listen {
        /** Seconds between payout updates to the node (0: never). */
        public long updateCycle = 120;
        /** Seconds of history kept. */
        public long historyDepth = 48 * 3600;
        /** Ann slot length and how many slots keep event ids. */
        public Map<String, Long> annCompressor = Map.of("timespanMs", 60_000L, "slotsToKeepEvents", 10L);
        /** Fraction of payouts for block miners. */
        public double blockPayoutFraction = 0.5;
        /** PPLNS constant for anns. */
        public double pplnsAnnConstantX = 0.125;
        /** PPLNS constant for shares. */
        public double pplnsBlkConstantX = 2;
        /** Pool fee fraction. */
        public double poolFee;
        /** Pool fee address. */
        public String poolFeeAddress;
        /** Receives leftovers. */
        public String defaultAddress;
        /** Receives everything on errors (defaults to defaultAddress). */
        public String errorAddress;
        /** The ledger: a SQLite file path or a JDBC URL. */
        public String ledger = "packetcrypt-ledger.db";
        /** Seconds between pay log uploads from the handlers. */
        public long uploadSeconds = 60;
    }

    /** Seed of the per-height ann signing keys; empty: anns are not signed by the pool. */
    public String privateSeed;
    /** Environment variable holding privateSeed. */
    public String privateSeedEnv;
    /** The PayMaker's HTTP password. */
    public String paymakerHttpPasswd;
    /** Environment variable holding the PayMaker's HTTP password. */
    public String paymakerHttpPasswdEnv;
    /** The node. */
    public Rpc rpc = new Rpc();
    /** The Master. */
    public Master master = new Master();
    /** The AnnHandlers, in handler-number order. */
    public List<AnnHandler> annHandlers = new ArrayList<>();
    /** The BlkHandlers. */
    public List<Listen> blkHandlers = new ArrayList<>();
    /** The PayMaker. */
    public PayMaker payMaker = new PayMaker();

    private static ObjectMapper yaml() {
        return new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** Reads and checks a config file; errors name the file and the problem. */
    public static PoolYaml load(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage());
        }
    }

    /** Reads and checks config text. */
    public static PoolYaml parse(String text) {
        PoolYaml c;
        try {
            c = yaml().readValue(text, PoolYaml.class);
        } catch (JsonMappingException e) {
            throw new IllegalArgumentException(e.getOriginalMessage()
                    + (e.getLocation() != null ? " (line " + e.getLocation().getLineNr() + ")" : ""));
        } catch (IOException e) {
            throw new IllegalArgumentException("bad pool config: " + e.getMessage());
        }
        if (c == null) {
            throw new IllegalArgumentException("the config is empty");
        }
        c.validate();
        return c;
    }

    private void validate() {
        url("master.url", master.url);
        for (int i = 0; i < annHandlers.size(); i++) {
            url("annHandlers[" + i + "].url", annHandlers.get(i).url);
            double s = annHandlers.get(i).skipCheckChance;
            if (!(s >= 0 && s <= 1)) {
                throw new IllegalArgumentException("annHandlers[" + i + "].skipCheckChance must be between 0 and 1");
            }
        }
        for (int i = 0; i < blkHandlers.size(); i++) {
            url("blkHandlers[" + i + "].url", blkHandlers.get(i).url);
        }
        url("payMaker.url", payMaker.url);
        if (master.annVersions.isEmpty()) {
            throw new IllegalArgumentException("master.annVersions: list at least one version");
        }
        if (!(master.annMinWork > 0) || !(master.shareWorkDivisor > 0)) {
            throw new IllegalArgumentException("master.annMinWork and master.shareWorkDivisor must be > 0");
        }
    }

    private static void url(String what, String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException(what + " is required (the address other roles and miners use)");
        }
        try {
            URI u = URI.create(url);
            if (!"http".equals(u.getScheme()) && !"https".equals(u.getScheme())) {
                throw new IllegalArgumentException(what + ": " + url + " is not an http(s) URL");
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + ": " + url + " is not a URL");
        }
    }

    /** The private seed (inline or from its environment variable), if the pool signs anns. */
    public Optional<String> privateSeed(Function<String, String> env) {
        return secret(privateSeed, privateSeedEnv, env, "privateSeedEnv");
    }

    /** The PayMaker password (inline or from its environment variable); required. */
    public String paymakerPassword(Function<String, String> env) {
        return secret(paymakerHttpPasswd, paymakerHttpPasswdEnv, env, "paymakerHttpPasswdEnv").orElseThrow(() ->
                new IllegalArgumentException("set paymakerHttpPasswdEnv (or paymakerHttpPasswd): the handlers and "
                        + "the PayMaker need the same password"));
    }

    private static Optional<String> secret(String inline, String envName, Function<String, String> env, String what) {
        if (envName != null && !envName.isBlank()) {
            String v = env.apply(envName);
            if (v == null || v.isEmpty()) {
                throw new IllegalArgumentException(what + ": environment variable " + envName + " is not set");
            }
            return Optional.of(v);
        }
        return Optional.ofNullable(inline).filter(s -> !s.isEmpty());
    }

    /** The node endpoint with its credentials. */
    public RpcEndpoint rpcEndpoint(Function<String, String> env) {
        String pw = secret(rpc.password, rpc.passwordEnv, env, "rpc.passwordEnv").orElse("");
        URI u = URI.create(rpc.url);
        return RpcEndpoint.http("pktd", u.getHost(), u.getPort(), RpcCredentials.basic(rpc.user, pw));
    }

    /** The PayMaker's crediting settings. */
    public PayMakerSettings payMakerSettings() {
        String def = payMaker.defaultAddress;
        if (def == null || def.isBlank()) {
            throw new IllegalArgumentException("payMaker.defaultAddress is required");
        }
        return new PayMakerSettings(payMaker.blockPayoutFraction, payMaker.pplnsBlkConstantX,
                payMaker.pplnsAnnConstantX, payMaker.poolFee, Optional.ofNullable(payMaker.poolFeeAddress), def,
                payMaker.errorAddress == null ? def : payMaker.errorAddress, payMaker.historyDepth,
                payMaker.annCompressor.getOrDefault("timespanMs", 60_000L),
                payMaker.annCompressor.getOrDefault("slotsToKeepEvents", 10L).intValue());
    }

    /** Never shows secrets. */
    @Override
    public String toString() {
        return "PoolYaml[master=" + master.url + ", annHandlers=" + annHandlers.size() + ", blkHandlers="
                + blkHandlers.size() + ", payMaker=" + payMaker.url + "]";
    }
}
