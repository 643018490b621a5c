package io.poolkit.core.regtest;

import com.fasterxml.jackson.databind.JsonNode;
import io.poolkit.core.address.Network;
import io.poolkit.core.address.Networks;
import io.poolkit.core.chain.BlockTemplate;
import io.poolkit.core.rpc.JsonRpcClient;
import io.poolkit.core.rpc.RpcCallException;
import io.poolkit.core.rpc.RpcCredentials;
import io.poolkit.core.rpc.RpcEndpoint;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real bcoin full node on regtest with its wallet, for tests and {@code poolkit demo}. It runs
 * with an in-memory chain, no P2P listener and no peers, on loopback ports, with a random API key
 * passed through the environment (not the command line). {@link #close()} stops the process and its
 * children; a JVM shutdown hook does the same if the owner forgets.
 *
 * <p>Node RPC and wallet RPC are JSON-RPC with basic auth (any user, the API key as password). The
 * wallet's addresses are bcoin-regtest addresses ({@link Networks#BCOIN_REGTEST}, P2PKH starting with
 * 'R'). The typed helpers cover what tests need; {@link #rpc()} and {@link #walletRpc()} reach the rest.
 */
public final class BcoinRegtestNode implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BcoinRegtestNode.class);
    private static final Logger BCOIN_LOG = LoggerFactory.getLogger("io.poolkit.core.regtest.bcoin");
    private static final Duration RPC_TIMEOUT = Duration.ofSeconds(60);
    private static final int PORT_ATTEMPTS = 3;

    /**
     * How to start a node.
     *
     * @param name         a name for logs and RPC errors
     * @param installation where bcoin is installed
     * @param httpPort     node RPC port, or 0 for a free one
     * @param walletPort   wallet RPC port, or 0 for a free one
     * @param startTimeout how long to wait for RPC to answer
     */
    public record Options(String name, BcoinInstallation installation, int httpPort, int walletPort, Duration startTimeout) {
        public Options {
            Objects.requireNonNull(name);
            Objects.requireNonNull(installation);
            Objects.requireNonNull(startTimeout);
            checkPort(httpPort);
            checkPort(walletPort);
        }

        /** Free ports, 60 s to start, bcoin from the default directory (installed on first use). */
        public static Options defaults(String name) {
            return new Options(name, BcoinInstallation.ensureDefault(), 0, 0, Duration.ofSeconds(60));
        }

        public Options withPorts(int nodePort, int walletRpcPort) {
            return new Options(name, installation, nodePort, walletRpcPort, startTimeout);
        }

        private static void checkPort(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0 (free) or 1..65535, got " + port);
            }
        }
    }

    private final Options options;
    private final String apiKey;
    private final Path prefix;
    private final Deque<String> recentOutput = new ArrayDeque<>();
    private int httpPort;
    private int walletPort;
    private Process process;
    private Thread shutdownHook;
    private JsonRpcClient rpc;
    private JsonRpcClient walletRpc;

    private BcoinRegtestNode(Options options) throws IOException {
        this.options = options;
        byte[] key = new byte[24];
        new SecureRandom().nextBytes(key);
        this.apiKey = HexFormat.of().formatHex(key);
        this.prefix = Files.createTempDirectory("poolkit-bcoin-");
    }

    /** Installs bcoin if needed and starts a node named {@code bcoin} on free ports. */
    public static BcoinRegtestNode start() {
        return start(Options.defaults("bcoin"));
    }

    /** Starts a node; returns when both its node and wallet RPC answer. */
    public static BcoinRegtestNode start(Options options) {
        BcoinRegtestNode node;
        try {
            node = new BcoinRegtestNode(options);
        } catch (IOException e) {
            throw new BcoinException("cannot create a temporary directory for bcoin: " + e.getMessage(), e);
        }
        try {
            node.launch(options.httpPort() == 0 || options.walletPort() == 0 ? PORT_ATTEMPTS : 1);
        } catch (RuntimeException e) {
            node.close();
            throw e;
        }
        return node;
    }

    /** The address network of this node's wallet. */
    public Network network() {
        return Networks.BCOIN_REGTEST;
    }

    public String name() {
        return options.name();
    }

    public int httpPort() {
        return httpPort;
    }

    public int walletPort() {
        return walletPort;
    }

    /** The node's RPC endpoint, credentials included (the API key never shows in its text). */
    public RpcEndpoint nodeEndpoint() {
        return RpcEndpoint.http(options.name(), "127.0.0.1", httpPort, RpcCredentials.basic("poolkit", apiKey));
    }

    /** The wallet's RPC endpoint, credentials included. */
    public RpcEndpoint walletEndpoint() {
        return RpcEndpoint.http(options.name() + "-wallet", "127.0.0.1", walletPort, RpcCredentials.basic("poolkit", apiKey));
    }

    /** A client of the node RPC. */
    public JsonRpcClient rpc() {
        return rpc;
    }

    /** A client of the wallet RPC. */
    public JsonRpcClient walletRpc() {
        return walletRpc;
    }

    /** True while the process runs. */
    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    public long getBlockCount() {
        return rpc.call("getblockcount", List.of()).longValue();
    }

    /** The tip's hash, display order. */
    public String getBestBlockHash() {
        return rpc.call("getbestblockhash", List.of()).textValue();
    }

    /** The hash of the block at {@code height}, display order. */
    public String getBlockHash(long height) {
        return rpc.call("getblockhash", List.of(height)).textValue();
    }

    /** The decoded block (verbose form, transactions as txids). */
    public JsonNode getBlock(String hashDisplay) {
        return rpc.call("getblock", List.of(hashDisplay, true, false));
    }

    /** The serialized block. */
    public byte[] getBlockBytes(String hashDisplay) {
        return HexFormat.of().parseHex(rpc.call("getblock", List.of(hashDisplay, false)).textValue());
    }

    /** A template with the segwit rule, parsed. */
    public BlockTemplate getBlockTemplate() {
        return BlockTemplate.parse(rpc.call("getblocktemplate", BlockTemplate.REQUEST_PARAMS));
    }

    /** Submits a block; the node's answer ({@code null} node when accepted, else a reason string). */
    public JsonNode submitBlock(String blockHex) {
        return rpc.call("submitblock", List.of(blockHex));
    }

    /** Mines {@code blocks} blocks paying {@code address}; their hashes. */
    public List<String> generateToAddress(int blocks, String address) {
        List<String> hashes = new ArrayList<>();
        rpc.call("generatetoaddress", List.of(blocks, address)).forEach(h -> hashes.add(h.textValue()));
        return hashes;
    }

    /** Marks a block invalid, so the chain reorganizes away from it. */
    public void invalidateBlock(String hashDisplay) {
        rpc.call("invalidateblock", List.of(hashDisplay));
    }

    /** A fresh receiving address of the wallet's {@code default} account. */
    public String getNewAddress() {
        return walletRpc.call("getnewaddress", List.of("default")).textValue();
    }

    /** The {@code default} account's confirmed balance, satoshis. */
    public long getBalanceSats() {
        return toSats(walletRpc.call("getbalance", List.of("default")).decimalValue());
    }

    /** Pays each address its amount (satoshis) from the {@code default} account in one transaction; its txid. */
    public String sendMany(Map<String, Long> satsByAddress, String comment) {
        Map<String, BigDecimal> amounts = new LinkedHashMap<>();
        satsByAddress.forEach((address, sats) -> amounts.put(address, BigDecimal.valueOf(sats, 8)));
        return walletRpc.call("sendmany", List.of("default", amounts, 1, comment)).textValue();
    }

    /** The {@code default} account's latest {@code count} wallet transactions. */
    public JsonNode listTransactions(int count) {
        return walletRpc.call("listtransactions", List.of("default", count));
    }

    /**
     * Stops the node (its in-memory chain is lost) and starts it again on the same ports with the
     * same key, so clients made before keep working.
     */
    public synchronized void restart() {
        stopProcess();
        launch(1);
    }

    /** Stops the process tree; the node can be started again with {@link #restart()}. */
    public synchronized void stop() {
        stopProcess();
    }

    /** Stops the process tree and removes the node's temporary directory. */
    @Override
    public synchronized void close() {
        stopProcess();
        try (Stream<Path> walk = Files.walk(prefix)) {
            walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.debug("could not remove {}: {}", prefix, e.toString());
        }
    }

    @Override
    public String toString() {
        return "BcoinRegtestNode[" + options.name() + ", rpc 127.0.0.1:" + httpPort + ", wallet 127.0.0.1:" + walletPort + "]";
    }

    /** Starts the process; with more than one attempt, each retry takes other free ports. */
    private synchronized void launch(int attempts) {
        BcoinException last = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            if (httpPort == 0 || attempt > 1) {
                httpPort = options.httpPort() != 0 ? options.httpPort() : freePort();
                walletPort = options.walletPort() != 0 ? options.walletPort() : freePort();
            }
            try {
                startProcess();
                waitUntilReady();
                LOG.info("bcoin regtest node {} is up: node RPC 127.0.0.1:{}, wallet RPC 127.0.0.1:{}", options.name(),
                        httpPort, walletPort);
                return;
            } catch (BcoinException e) {
                last = e;
                stopProcess();
                if (attempt < attempts) {
                    LOG.warn("bcoin {} did not start (attempt {}): {}", options.name(), attempt, e.getMessage());
                }
            }
        }
        throw last;
    }

    private void startProcess() {
        BcoinInstallation installation = options.installation();
        List<String> command = List.of(installation.nodeExecutable().toString(), installation.nodeScript().toString(),
                "--network=regtest", "--memory=true", "--workers=false", "--listen=false",
                // No peers: never sync from some other regtest node on this machine.
                "--only=127.0.0.1:1", "--max-outbound=1",
                "--prefix=" + prefix, "--http-host=127.0.0.1", "--wallet-http-host=127.0.0.1",
                "--http-port=" + httpPort, "--wallet-http-port=" + walletPort);
        ProcessBuilder builder = new ProcessBuilder(command).directory(installation.directory().toFile())
                .redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("BCOIN_NETWORK", "regtest");
        env.put("NODE_BACKEND", "js");
        // The key goes through the environment so it never shows in a process listing.
        env.put("BCOIN_API_KEY", apiKey);
        env.put("BCOIN_WALLET_API_KEY", apiKey);
        try {
            process = builder.start();
            process.getOutputStream().close();
        } catch (IOException e) {
            throw new BcoinException("cannot start bcoin (" + String.join(" ", command) + "): " + e.getMessage(), e);
        }
        synchronized (recentOutput) {
            recentOutput.clear();
        }
        Process started = process;
        Thread pump = new Thread(() -> pumpOutput(started), "bcoin-" + options.name() + "-output");
        pump.setDaemon(true);
        pump.start();
        shutdownHook = new Thread(() -> destroyTree(started, true), "bcoin-" + options.name() + "-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        rpc = JsonRpcClient.create(nodeEndpoint(), RPC_TIMEOUT);
        walletRpc = JsonRpcClient.create(walletEndpoint(), RPC_TIMEOUT);
    }

    private void waitUntilReady() {
        long deadline = System.nanoTime() + options.startTimeout().toNanos();
        RpcCallException lastError = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new BcoinException("bcoin " + options.name() + " exited with code " + process.exitValue()
                        + " while starting; last output:\n" + recentOutput());
            }
            try {
                rpc.call("getblockcount", List.of(), Duration.ofSeconds(2));
                walletRpc.call("getwalletinfo", List.of(), Duration.ofSeconds(2));
                return;
            } catch (RpcCallException e) {
                lastError = e;
            }
            try {
                // Waiting for another process to open its ports: there is no event to wait on.
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BcoinException("interrupted while waiting for bcoin to start", e);
            }
        }
        throw new BcoinException("bcoin " + options.name() + " did not answer RPC within " + options.startTimeout().toSeconds()
                + " s (last error: " + (lastError == null ? "none" : lastError.getMessage()) + "); last output:\n"
                + recentOutput());
    }

    private void pumpOutput(Process p) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                BCOIN_LOG.debug("[{}] {}", options.name(), line);
                synchronized (recentOutput) {
                    recentOutput.addLast(line);
                    if (recentOutput.size() > 40) {
                        recentOutput.removeFirst();
                    }
                }
            }
        } catch (IOException e) {
            // The process ended.
        }
    }

    private String recentOutput() {
        synchronized (recentOutput) {
            return String.join("\n", recentOutput);
        }
    }

    private void stopProcess() {
        Process p = process;
        if (p == null) {
            return;
        }
        destroyTree(p, false);
        process = null;
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                // The JVM is shutting down; the hook runs anyway.
            }
            shutdownHook = null;
        }
        LOG.info("bcoin regtest node {} stopped", options.name());
    }

    private static void destroyTree(Process p, boolean forcibly) {
        List<ProcessHandle> children = p.descendants().toList();
        if (forcibly) {
            children.forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            return;
        }
        children.forEach(ProcessHandle::destroy);
        p.destroy();
        try {
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                children.forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
            for (ProcessHandle child : children) {
                child.onExit().get(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            children.forEach(ProcessHandle::destroyForcibly);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new BcoinException("no free loopback port: " + e.getMessage(), e);
        }
    }

    private static long toSats(BigDecimal coins) {
        return coins.movePointRight(8).longValueExact();
    }
}
