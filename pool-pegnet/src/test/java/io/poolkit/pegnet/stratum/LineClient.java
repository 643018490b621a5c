package io.poolkit.pegnet.stratum;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** A raw line client on loopback for protocol tests: send text, read JSON lines with a timeout. */
public final class LineClient implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Socket socket;
    private final BufferedReader in;
    private final OutputStream out;

    public LineClient(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(5000);
        in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        out = socket.getOutputStream();
    }

    public LineClient send(String line) throws IOException {
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        return this;
    }

    public void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** The next line as JSON; fails if none comes within the timeout. */
    public JsonNode read() throws IOException {
        String line = in.readLine();
        if (line == null) {
            throw new IOException("connection closed");
        }
        return JSON.readTree(line);
    }

    /** Reads until a reply (a message with no method) arrives; notifications on the way are skipped. */
    public JsonNode reply() throws IOException {
        while (true) {
            JsonNode n = read();
            if (!n.has("method")) {
                return n;
            }
        }
    }

    /** Reads until a notification with that method arrives. */
    public JsonNode until(String method) throws IOException {
        while (true) {
            JsonNode n = read();
            if (method.equals(n.path("method").asText())) {
                return n;
            }
        }
    }

    /** True if the server closed the connection (EOF or reset) within the timeout. */
    public boolean closedByServer() {
        try {
            while (in.readLine() != null) {
                // drain what was sent before the close
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
