package io.poolkit.pegnet.stratum;

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
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.poolkit.core.bytes.Hex;
import io.poolkit.pegnet.lxr.LxrHash;
import io.poolkit.stratum.protocol.StratumCodec;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prosper's stratum server: Netty line framing (size-limited), UTF-8, an idle timeout for half-open sockets, and one
 * {@link ProsperSession} per connection run on that connection's event loop. Holds the current job (the pool keeps
 * only one), hands every connection a distinct 4-byte nonce prefix (counting up from a random start) and a random
 * 32-hex session id, and offers the admin console's per-session commands.
 */
public final class ProsperServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ProsperServer.class);

    private final ProsperConfig config;
    private final LxrHash lxr;
    private final Authorizer authorizer;
    private final ProsperSession.ShareQueue shares;
    private final BooleanSupplier submissionsOpen;
    private final Clock clock;
    private final RandomGenerator random;
    private final StratumCodec codec = new StratumCodec();
    private final ProsperWire wire;
    private final ProsperMetrics metrics = new ProsperMetrics();
    private final Map<String, Connection> sessions = new ConcurrentHashMap<>();
    private final AtomicLong nonces;
    private final AtomicReference<ShareChecker.Job> job = new AtomicReference<>();
    private final EventLoopGroup boss = new NioEventLoopGroup(1);
    private final EventLoopGroup workers;
    private Channel serverChannel;

    private record Connection(Channel channel, ProsperSession session) {
    }

    /**
     * @param config          settings
     * @param lxr             the hasher shares are checked with (30 bits on mainnet)
     * @param authorizer      who may mine
     * @param shares          where accepted shares go (must not block)
     * @param submissionsOpen whether factomd's minute allows submissions now
     * @param clock           time for rate limits
     * @param random          session ids, request ids and the first nonce prefix
     * @param workerThreads   Netty worker threads
     */
    public ProsperServer(ProsperConfig config, LxrHash lxr, Authorizer authorizer, ProsperSession.ShareQueue shares,
            BooleanSupplier submissionsOpen, Clock clock, RandomGenerator random, int workerThreads) {
        this.config = config;
        this.lxr = lxr;
        this.authorizer = authorizer;
        this.shares = shares;
        this.submissionsOpen = submissionsOpen;
        this.clock = clock;
        this.random = random;
        this.wire = new ProsperWire(codec, () -> nextInt());
        this.nonces = new AtomicLong(Integer.toUnsignedLong(random.nextInt()));
        this.workers = new NioEventLoopGroup(workerThreads);
    }

    private synchronized int nextInt() {
        return random.nextInt();
    }

    /** Binds and starts serving; returns once listening. */
    public ProsperServer start() throws InterruptedException {
        ServerBootstrap b = new ServerBootstrap()
                .group(boss, workers)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(64 * 1024, 256 * 1024))
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ChannelPipeline p = ch.pipeline();
                        p.addLast(new IdleStateHandler(config.idleTimeout().toMillis(), 0, 0, TimeUnit.MILLISECONDS));
                        p.addLast(new LineBasedFrameDecoder(config.maxLineBytes(), true, true));
                        p.addLast(new StringDecoder(StandardCharsets.UTF_8));
                        p.addLast(new StringEncoder(StandardCharsets.UTF_8));
                        p.addLast(new Handler());
                    }
                });
        serverChannel = b.bind(config.bindHost(), config.port()).sync().channel();
        LOG.info("Prosper stratum server listening on {}", serverChannel.localAddress());
        return this;
    }

    /** The port actually bound. */
    public int port() {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    /** The counters. */
    public ProsperMetrics metrics() {
        return metrics;
    }

    /** The current job, if any. */
    public Optional<ShareChecker.Job> job() {
        return Optional.ofNullable(job.get());
    }

    /** Makes {@code newJob} current and notifies every connection ({@code mining.notify}). */
    public void notifyAll(ShareChecker.Job newJob) {
        job.set(newJob);
        sessions.values().forEach(c -> c.channel().eventLoop().execute(() -> c.session().onJob(newJob)));
    }

    /**
     * Snapshots of every connection, ordered by session id; waits briefly for each connection's loop so the
     * values are current.
     */
    public List<ProsperSession.Info> sessions() {
        List<ProsperSession.Info> out = new ArrayList<>();
        for (Connection c : sessions.values()) {
            onLoop(c, s -> {
                synchronized (out) {
                    out.add(s.info());
                }
            });
        }
        out.sort(Comparator.comparing(ProsperSession.Info::sessionId));
        return out;
    }

    /**
     * Runs {@code action} on session {@code sessionId}'s event loop and waits for it; false when there is no such
     * session.
     */
    public boolean withSession(String sessionId, Consumer<ProsperSession> action) {
        Connection c = sessions.get(sessionId);
        if (c == null) {
            return false;
        }
        onLoop(c, action);
        return true;
    }

    private static void onLoop(Connection c, Consumer<ProsperSession> action) {
        CountDownLatch done = new CountDownLatch(1);
        try {
            c.channel().eventLoop().execute(() -> {
                try {
                    action.accept(c.session());
                } finally {
                    done.countDown();
                }
            });
            done.await(2, TimeUnit.SECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // the server is shutting down
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops accepting, closes every connection and releases the threads. */
    @Override
    public void close() {
        if (serverChannel != null) {
            serverChannel.close().syncUninterruptibly();
        }
        sessions.values().forEach(c -> c.channel().close());
        workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private String newSessionId() {
        byte[] id = new byte[16];
        synchronized (this) {
            random.nextBytes(id);
        }
        return Hex.encode(id);
    }

    private final class Handler extends SimpleChannelInboundHandler<String> {
        private ProsperSession session;
        private String sessionId;
        private boolean counted;

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            if (metrics.connections.incrementAndGet() > config.maxConnections()) {
                metrics.connections.decrementAndGet();
                metrics.refusedConnections.increment();
                ctx.close();
                return;
            }
            counted = true;
            Channel channel = ctx.channel();
            String remote = String.valueOf(channel.remoteAddress());
            sessionId = newSessionId();
            ShareChecker checker = new ShareChecker(lxr, config.validateAllShares(), config.allowUnauthorized());
            session = new ProsperSession(config, codec, wire, checker, authorizer, shares, submissionsOpen, metrics,
                    clock, new ProsperSession.Outbound() {
                        @Override
                        public void send(String line) {
                            if (channel.isWritable()) {
                                channel.writeAndFlush(line + "\n");
                            } else {
                                // A client that does not read its replies only hurts itself.
                                channel.close();
                            }
                        }

                        @Override
                        public void close(String why) {
                            LOG.debug("closing {}: {}", remote, why);
                            channel.flush();
                            channel.close();
                        }
                    }, sessionId, remote, nonces.getAndIncrement() & 0xffffffffL, job.get());
            sessions.put(sessionId, new Connection(channel, session));
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, String line) {
            if (session != null) {
                try {
                    session.onLine(line);
                } catch (RuntimeException e) {
                    // A bug must not take the server down; the miner gets an error and the log the cause.
                    LOG.warn("internal error handling a line from {}", ctx.channel().remoteAddress(), e);
                    metrics.protocolErrors.increment();
                    ctx.writeAndFlush(wire.error(com.fasterxml.jackson.databind.node.NullNode.getInstance(),
                            ProsperError.INTERNAL, "internal error") + "\n");
                }
            }
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
            if (evt instanceof IdleStateEvent) {
                ctx.close();
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (sessionId != null) {
                sessions.remove(sessionId);
            }
            if (counted) {
                counted = false;
                metrics.connections.decrementAndGet();
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if (cause instanceof TooLongFrameException) {
                metrics.oversizedLines.increment();
            } else {
                LOG.debug("connection error from {}: {}", ctx.channel().remoteAddress(), cause.toString());
            }
            ctx.close();
        }
    }
}
