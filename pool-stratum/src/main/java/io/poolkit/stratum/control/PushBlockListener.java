package io.poolkit.stratum.control;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A loopback-only UDP listener for push-block notifications (from the node's {@code blocknotify}
 * via {@code poolkit stratum notify}). Unlike PowerPool's datagram server, which lets any datagram
 * call any method, it understands a whitelist: {@code blocknotify [HASH]} and {@code refresh}. Any
 * other datagram, and any datagram from a non-loopback address, is counted and ignored.
 */
public final class PushBlockListener implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PushBlockListener.class);
    private static final int MAX_DATAGRAM = 512;

    private final DatagramSocket socket;
    private final Runnable onNewBlock;
    private final LongAdder accepted = new LongAdder();
    private final LongAdder ignored = new LongAdder();
    private final Thread thread;

    /** Binds {@code 127.0.0.1:port} (0 for a free port); {@code onNewBlock} must return quickly. */
    public PushBlockListener(int port, Runnable onNewBlock) throws SocketException {
        this.socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        this.onNewBlock = onNewBlock;
        this.thread = new Thread(this::loop, "push-block");
        this.thread.setDaemon(true);
    }

    public PushBlockListener start() {
        thread.start();
        return this;
    }

    public int port() {
        return socket.getLocalPort();
    }

    public long accepted() {
        return accepted.sum();
    }

    public long ignored() {
        return ignored.sum();
    }

    private void loop() {
        byte[] buffer = new byte[MAX_DATAGRAM];
        while (!socket.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (IOException e) {
                if (!socket.isClosed()) {
                    LOG.warn("push-block listener: {}", e.toString());
                }
                continue;
            }
            if (!packet.getAddress().isLoopbackAddress()) {
                ignored.increment();
                continue;
            }
            String text = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.US_ASCII).strip();
            if (isCommand(text)) {
                accepted.increment();
                onNewBlock.run();
            } else {
                ignored.increment();
            }
        }
    }

    /** {@code blocknotify}, {@code blocknotify <64 hex>} or {@code refresh}. */
    static boolean isCommand(String text) {
        if (text.equals("refresh") || text.equals("blocknotify")) {
            return true;
        }
        return text.startsWith("blocknotify ") && text.substring(12).strip().matches("[0-9a-fA-F]{64}");
    }

    /** Sends one notification datagram to a listener on this machine (what {@code poolkit stratum notify} does). */
    public static void send(int port, String command) throws IOException {
        byte[] data = command.getBytes(StandardCharsets.US_ASCII);
        try (DatagramSocket s = new DatagramSocket()) {
            s.send(new DatagramPacket(data, data.length, InetAddress.getLoopbackAddress(), port));
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
