package io.poolkit.stratum.server;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.LineBasedFrameDecoder;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.string.StringDecoder;
import io.netty.handler.codec.string.StringEncoder;
import io.netty.util.AttributeKey;
import io.poolkit.stratum.job.JobBoard;
import io.poolkit.stratum.protocol.StratumCodec;
import io.poolkit.stratum.share.ShareSink;
import io.poolkit.stratum.share.ShareValidator;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stratum v1 TCP server: a Netty pipeline of line framing (with a size limit), UTF-8 decoding
 * and one {@link StratumSession} per connection, run on that connection's event loop so replies keep
 * request order. New jobs from the {@link JobBoard} are handed to every session on its own loop. A
 * timer ticks every session once a second (keepalive pushes, vardiff, timeouts).
 */
public final class StratumServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StratumServer.class);
    private static final AttributeKey<StratumSession> SESSION = AttributeKey.valueOf("poolkit.session");

    private final StratumServerConfig config;
    private final JobBoard jobs;
    private final ShareValidator validator;
    private final ShareSink sink;
    private final Clock clock;
    private final StratumCodec codec = new StratumCodec();
    private final StratumMetrics metrics = new StratumMetrics();
    private final ConnectionGuard guard;
    private final Map<Channel, StratumSession> sessions = new ConcurrentHashMap<>();
    private final AtomicInteger extranonceCounter = new AtomicInteger(ThreadLocalRandom.current().nextInt());
    private final EventLoopGroup boss = new NioEventLoopGroup(1);
    private final EventLoopGroup workers;
    private Channel serverChannel;

    public StratumServer(StratumServerConfig config, JobBoard jobs, ShareValidator validator, ShareSink sink, Clock clock,
                         int workerThreads) {
        this.config = config;
        this.jobs = jobs;
        this.validator = validator;
        this.sink = sink;
        this.clock = clock;
        this.guard = new ConnectionGuard(config.maxConnectionsPerIp(), config.banDuration(), clock);
        this.workers = new NioEventLoopGroup(workerThreads);
        jobs.addListener(update -> sessions.forEach((channel, session) ->
                channel.eventLoop().execute(() -> session.onJob(update))));
    }

    /** Binds and starts serving; returns once listening. */
    public StratumServer start() throws InterruptedException {
        ServerBootstrap b = new ServerBootstrap()
                .group(boss, workers)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 4096)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(64 * 1024, 256 * 1024))
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ChannelPipeline p = ch.pipeline();
                        p.addLast(new LineBasedFrameDecoder(config.maxLineBytes(), true, true));
                        p.addLast(new StringDecoder(StandardCharsets.UTF_8));
                        p.addLast(new StringEncoder(StandardCharsets.UTF_8));
                        p.addLast(new Handler());
                    }
                });
        serverChannel = b.bind(config.bindHost(), config.port()).sync().channel();
        workers.scheduleAtFixedRate(this::tickAll, 1, 1, TimeUnit.SECONDS);
        LOG.info("stratum server listening on {}", serverChannel.localAddress());
        return this;
    }

    /** The port actually bound (useful with port 0). */
    public int port() {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    public StratumMetrics metrics() {
        return metrics;
    }

    /** Snapshots of every connection, for the monitor. Safe from any thread (values may be slightly stale). */
    public List<StratumSession.SessionInfo> sessions() {
        List<StratumSession.SessionInfo> out = new ArrayList<>();
        sessions.values().forEach(s -> out.add(s.info()));
        return out;
    }

    /** Shows {@code text} on every subscribed miner's console ({@code client.show_message}). */
    public void showMessage(String text) {
        broadcast(codec.showMessage(text));
    }

    /**
     * Asks every subscribed miner to reconnect to {@code host:port} after {@code waitSeconds}
     * ({@code client.reconnect}): before a planned restart, or to move miners to another server.
     */
    public void reconnectAll(String host, int port, int waitSeconds) {
        broadcast(codec.reconnect(host, port, waitSeconds));
    }

    private void broadcast(String line) {
        sessions.forEach((channel, session) -> channel.eventLoop().execute(() -> session.notifyClient(line)));
    }

    /** Runs every session's periodic check now (the timer does this each second). */
    public void tickAll() {
        sessions.forEach((channel, session) -> channel.eventLoop().execute(session::tick));
    }

    /** Stops accepting, closes every connection and releases the threads. */
    @Override
    public void close() {
        if (serverChannel != null) {
            serverChannel.close().syncUninterruptibly();
        }
        sessions.keySet().forEach(Channel::close);
        workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private byte[] nextExtranonce1() {
        int v = extranonceCounter.getAndIncrement();
        return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
    }

    private final class Handler extends SimpleChannelInboundHandler<String> {
        private String ip = "?";

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            ip = ((InetSocketAddress) ctx.channel().remoteAddress()).getAddress().getHostAddress();
            if (!guard.admit(ip)) {
                metrics.refusedConnections.increment();
                ip = null;
                ctx.close();
                return;
            }
            metrics.connections.incrementAndGet();
            metrics.connectionsTotal.increment();
            Channel channel = ctx.channel();
            StratumSession session = new StratumSession(config, codec, jobs, validator, sink, metrics, clock,
                    new StratumSession.Outbound() {
                        @Override
                        public void send(String line) {
                            if (channel.isWritable()) {
                                channel.writeAndFlush(line + "\n");
                            } else {
                                // A client that does not read its replies only hurts itself: drop it.
                                channel.close();
                            }
                        }

                        @Override
                        public void close(String why, boolean ban) {
                            LOG.debug("closing {}: {}", ip, why);
                            if (ban) {
                                metrics.bans.increment();
                                guard.ban(ip);
                            }
                            channel.flush();
                            channel.close();
                        }
                    }, nextExtranonce1(), ip);
            channel.attr(SESSION).set(session);
            sessions.put(channel, session);
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, String line) {
            StratumSession session = ctx.channel().attr(SESSION).get();
            if (session != null) {
                session.onLine(line);
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (sessions.remove(ctx.channel()) != null) {
                metrics.connections.decrementAndGet();
            }
            if (ip != null) {
                guard.release(ip);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if (cause instanceof TooLongFrameException) {
                metrics.oversizedLines.increment();
                metrics.bans.increment();
                if (ip != null) {
                    guard.ban(ip);
                }
            } else {
                LOG.debug("connection error from {}: {}", ip, cause.toString());
            }
            ctx.close();
        }
    }
}
