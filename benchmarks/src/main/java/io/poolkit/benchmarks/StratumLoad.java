package io.poolkit.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.LineBasedFrameDecoder;
import io.netty.handler.codec.string.StringDecoder;
import io.netty.handler.codec.string.StringEncoder;
import io.poolkit.core.address.Addresses;
import io.poolkit.core.address.Networks;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Stratum load test on loopback: starts {@link StratumLoadServer} in a child JVM, opens N simulated
 * miner connections (subscribe, authorize), then has them submit well-formed shares at a total rate
 * R for S seconds, and reports the accepted shares per second and the submit-to-reply latency
 * (p50, p99, max). Usage: {@code java -cp benchmarks/target/benchmarks.jar io.poolkit.benchmarks.StratumLoad
 * [connections=10000] [sharesPerSecond=5000] [seconds=30] [serverThreads=2]}.
 */
public final class StratumLoad {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StratumLoad() {
    }

    public static void main(String[] args) throws Exception {
        int connections = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        String serverThreads = args.length > 3 ? args[3] : "2";
        String jar = Path.of(StratumLoad.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx2g"));
        // Extra server JVM flags, e.g. -Dserver.jvm="-XX:+UseZGC"
        String extra = System.getProperty("server.jvm", "").strip();
        if (!extra.isEmpty()) {
            command.addAll(Arrays.asList(extra.split("\\s+")));
        }
        command.addAll(List.of("-cp", jar, StratumLoadServer.class.getName(), serverThreads));
        Process server = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader serverOut = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        String line;
        int port = -1;
        while ((line = serverOut.readLine()) != null) {
            if (line.startsWith("PORT ")) {
                port = Integer.parseInt(line.substring(5).strip());
                break;
            }
        }
        if (port < 0) {
            throw new IllegalStateException("load server did not start");
        }
        String address = Addresses.p2pkh(Networks.BITCOIN_REGTEST, new byte[20]).text();
        LongAdder accepted = new LongAdder();
        LongAdder rejected = new LongAdder();
        AtomicInteger ready = new AtomicInteger();
        AtomicLong latencySlot = new AtomicLong();
        long[] latencies = new long[Math.max(1, rate * seconds * 2)];
        EventLoopGroup group = new NioEventLoopGroup(1);
        List<Miner> miners = new ArrayList<>();
        int finalPort = port;
        long connectStart = System.nanoTime();
        for (int i = 0; i < connections; i++) {
            Miner m = new Miner(i, address, accepted, rejected, ready, latencies, latencySlot);
            Bootstrap b = new Bootstrap().group(group).channel(NioSocketChannel.class)
                    .option(ChannelOption.TCP_NODELAY, true)
                    .handler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline().addLast(new LineBasedFrameDecoder(64 * 1024), new StringDecoder(StandardCharsets.UTF_8),
                                    new StringEncoder(StandardCharsets.UTF_8), m);
                        }
                    });
            m.channel = b.connect("127.0.0.1", finalPort).sync().channel();
            miners.add(m);
            if (i % 500 == 499) {
                Thread.sleep(20); // let the backlog drain
            }
        }
        while (ready.get() < connections) {
            Thread.sleep(50);
            if (System.nanoTime() - connectStart > TimeUnit.SECONDS.toNanos(120)) {
                throw new IllegalStateException("only " + ready.get() + " of " + connections + " connections got work");
            }
        }
        System.out.printf("%d connections subscribed and authorized in %.1f s%n", connections,
                (System.nanoTime() - connectStart) / 1e9);
        // Submit at the target rate: every tick, the next batch of miners each send one share.
        long tickNanos = TimeUnit.MILLISECONDS.toNanos(10);
        long perTick = Math.max(1, rate / 100);
        long start = System.nanoTime();
        long acceptedBefore = accepted.sum();
        long sent = 0;
        int next = 0;
        while (System.nanoTime() - start < TimeUnit.SECONDS.toNanos(seconds)) {
            long due = (System.nanoTime() - start) / tickNanos * perTick;
            while (sent < due) {
                miners.get(next).submit();
                next = (next + 1) % connections;
                sent++;
            }
            Thread.sleep(1);
        }
        long end = System.nanoTime();
        Thread.sleep(2000); // replies in flight
        double elapsed = (end - start) / 1e9;
        long acceptedCount = accepted.sum() - acceptedBefore;
        int n = (int) Math.min(latencySlot.get(), latencies.length);
        long[] sorted = Arrays.copyOf(latencies, n);
        Arrays.sort(sorted);
        System.out.printf("submitted %d shares in %.1f s (%.0f/s); accepted %d (%.0f/s), rejected %d%n", sent, elapsed,
                sent / elapsed, acceptedCount, acceptedCount / elapsed, rejected.sum());
        if (n > 0) {
            System.out.printf("submit-to-reply latency: p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms (%d replies)%n",
                    sorted[n / 2] / 1e6, sorted[(int) (n * 0.99)] / 1e6, sorted[(int) (n * 0.999)] / 1e6, sorted[n - 1] / 1e6, n);
        }
        for (Miner m : miners) {
            m.channel.close();
        }
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        OutputStream stdin = server.getOutputStream();
        stdin.close();
        while ((line = serverOut.readLine()) != null) {
            System.out.println("server: " + line);
        }
        server.waitFor(10, TimeUnit.SECONDS);
        server.destroy();
    }

    /** One simulated miner: subscribes, authorizes, then submits unique shares on request. */
    private static final class Miner extends SimpleChannelInboundHandler<String> {
        private final int index;
        private final String address;
        private final LongAdder accepted;
        private final LongAdder rejected;
        private final AtomicInteger ready;
        private final long[] latencies;
        private final AtomicLong latencySlot;
        private final long[] sentAt = new long[1 << 16];
        volatile Channel channel;
        private volatile String jobId;
        private volatile String ntime;
        private int nextId = 10;
        private long extranonce2;

        Miner(int index, String address, LongAdder accepted, LongAdder rejected, AtomicInteger ready, long[] latencies,
              AtomicLong latencySlot) {
            this.index = index;
            this.address = address;
            this.accepted = accepted;
            this.rejected = rejected;
            this.ready = ready;
            this.latencies = latencies;
            this.latencySlot = latencySlot;
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            ctx.writeAndFlush("{\"id\":1,\"method\":\"mining.subscribe\",\"params\":[\"load/1\"]}\n"
                    + "{\"id\":2,\"method\":\"mining.authorize\",\"params\":[\"" + address + ".m" + index + "\",\"x\"]}\n");
        }

        void submit() {
            String job = jobId;
            if (job == null) {
                return;
            }
            channel.eventLoop().execute(() -> {
                int id = nextId++;
                long ex2 = extranonce2++;
                sentAt[id & 0xffff] = System.nanoTime();
                channel.writeAndFlush("{\"id\":" + id + ",\"method\":\"mining.submit\",\"params\":[\"" + address + ".m" + index
                        + "\",\"" + job + "\",\"" + String.format("%08x", (int) ex2) + "\",\"" + ntime + "\",\""
                        + String.format("%08x", ThreadLocalRandom.current().nextInt()) + "\"]}\n");
            });
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, String msg) throws Exception {
            // Replies to submits are the bulk: read them without a JSON parser, so the load client's
            // own CPU use (it shares the 2 cores with the server) stays small.
            if (msg.startsWith("{\"id\":") && !msg.contains("\"method\"")) {
                int comma = msg.indexOf(',');
                int id = Integer.parseInt(msg.substring(6, comma));
                if (id >= 10) {
                    replied(id, msg.startsWith("\"result\":true", comma + 1));
                }
                return;
            }
            JsonNode n = JSON.readTree(msg);
            String method = n.path("method").asText("");
            if (method.equals("mining.notify")) {
                JsonNode p = n.get("params");
                ntime = p.get(7).asText();
                if (jobId == null) {
                    jobId = p.get(0).asText();
                    ready.incrementAndGet();
                } else {
                    jobId = p.get(0).asText();
                }
                return;
            }
        }

        private void replied(int id, boolean ok) {
            long latency = System.nanoTime() - sentAt[id & 0xffff];
            long slot = latencySlot.getAndIncrement();
            if (slot < latencies.length) {
                latencies[(int) slot] = latency;
            }
            if (ok) {
                accepted.increment();
            } else {
                rejected.increment();
            }
        }
    }
}
