package io.poolkit.hn.wire;

import com.google.protobuf.InvalidProtocolBufferException;
import io.poolkit.core.bytes.BigEndian;
import io.poolkit.hn.wire.proto.Command;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * Hypernode frames: a 4-byte big-endian signed length, then that many bytes of protobuf
 * {@code Command}. There is no magic number and no checksum. Reading bounds the length, so a peer
 * cannot make a node allocate more than the configured maximum.
 */
public final class Frames {

    /** Length of the length prefix. */
    public static final int HEADER_BYTES = 4;
    /** Default largest payload accepted when reading: 32 MiB, well above a full block sync. */
    public static final int DEFAULT_MAX_PAYLOAD = 32 * 1024 * 1024;

    private Frames() {
    }

    /** The protobuf bytes of {@code message}. */
    public static byte[] encodePayload(WireMessage message) {
        return ProtoMapping.toProto(message).toByteArray();
    }

    /** Parses protobuf bytes into a message. */
    public static WireMessage decodePayload(byte[] payload) {
        try {
            return ProtoMapping.fromProto(Command.parseFrom(payload));
        } catch (InvalidProtocolBufferException e) {
            throw new WireFormatException("bad hypernode message: " + e.getMessage(), e);
        }
    }

    /** The whole frame of {@code message}: length prefix and payload. */
    public static byte[] encode(WireMessage message) {
        byte[] payload = encodePayload(message);
        byte[] frame = new byte[HEADER_BYTES + payload.length];
        BigEndian.writeInt32(frame, 0, payload.length);
        System.arraycopy(payload, 0, frame, HEADER_BYTES, payload.length);
        return frame;
    }

    /** Parses exactly one whole frame. */
    public static WireMessage decode(byte[] frame) {
        if (frame.length < HEADER_BYTES) {
            throw new WireFormatException("a frame needs a " + HEADER_BYTES + "-byte length, got " + frame.length + " bytes");
        }
        int length = BigEndian.readInt32(frame, 0);
        if (length < 0 || length != frame.length - HEADER_BYTES) {
            throw new WireFormatException("frame length prefix says " + length + " bytes but " + (frame.length - HEADER_BYTES)
                    + " follow");
        }
        return decodePayload(Arrays.copyOfRange(frame, HEADER_BYTES, frame.length));
    }

    /** Writes one frame of {@code message} (does not flush). */
    public static void write(OutputStream out, WireMessage message) throws IOException {
        out.write(encode(message));
    }

    /**
     * Reads one frame. A negative length or one above {@code maxPayload} is refused before anything
     * is allocated.
     *
     * @throws EOFException        if the stream ends before a whole frame
     * @throws WireFormatException if the length or the payload is bad
     */
    public static WireMessage read(InputStream in, int maxPayload) throws IOException {
        byte[] header = in.readNBytes(HEADER_BYTES);
        if (header.length < HEADER_BYTES) {
            throw new EOFException("stream ended inside a frame length (" + header.length + " of 4 bytes)");
        }
        int length = BigEndian.readInt32(header, 0);
        if (length < 0 || length > maxPayload) {
            throw new WireFormatException("frame length " + length + " is outside 0 to " + maxPayload);
        }
        byte[] payload = in.readNBytes(length);
        if (payload.length < length) {
            throw new EOFException("stream ended after " + payload.length + " of " + length + " payload bytes");
        }
        return decodePayload(payload);
    }
}
