package io.poolkit.hn.wire;

import io.poolkit.hn.crypto.PosAddress;
import io.poolkit.hn.crypto.PosNetwork;
import java.util.Objects;

/**
 * The greeting a node sends first: {@code posnet(10) || port zero-padded to 5 digits || address},
 * 49 characters, for example {@code posnet0002} {@code 06969} {@code B...}. One-shot clients send
 * port {@code 00000}.
 *
 * @param posnet  protocol version, 10 characters ({@code posnet0002})
 * @param port    the sender's HN port, 0 to 65535
 * @param address the sender's PoS address
 */
public record Hello(String posnet, int port, String address) {

    /** Length of the posnet field. */
    public static final int POSNET_LENGTH = 10;
    /** The posnet values beta99 accepts. */
    public static final String BETA99_POSNET_ALLOW = "posnet0002;posnet0003;posnet0004";

    public Hello {
        Objects.requireNonNull(posnet, "posnet");
        Objects.requireNonNull(address, "address");
        if (posnet.length() != POSNET_LENGTH) {
            throw new IllegalArgumentException("posnet must be " + POSNET_LENGTH + " characters, got '" + posnet + "'");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 to 65535, got " + port);
        }
    }

    /** A hello from {@code address}, which must be a valid address of {@code network}. */
    public static Hello of(String posnet, int port, String address, PosNetwork network) {
        PosAddress.parse(address, network);
        return new Hello(posnet, port, address);
    }

    /** Parses a hello string ({@code hello_to_params}). */
    public static Hello parse(String hello) {
        if (hello.length() < POSNET_LENGTH + 5) {
            throw new WireFormatException("hello is " + hello.length() + " characters, too short: '" + hello + "'");
        }
        String portText = hello.substring(POSNET_LENGTH, POSNET_LENGTH + 5);
        if (!portText.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new WireFormatException("hello port '" + portText + "' is not 5 digits");
        }
        return new Hello(hello.substring(0, POSNET_LENGTH), Integer.parseInt(portText),
                hello.substring(POSNET_LENGTH + 5));
    }

    /** The hello string. */
    public String text() {
        return posnet + String.format("%05d", port) + address;
    }

    /** The hello message. */
    public WireMessage toMessage() {
        return WireMessage.withText(CommandType.HELLO, text());
    }

    /**
     * True if the server accepts this posnet, given {@code POSNET_ALLOW} as the reference keeps it:
     * a {@code ;}-separated string checked by substring, as the reference does.
     */
    public boolean posnetAllowedBy(String posnetAllow) {
        return posnetAllow.contains(posnet);
    }
}
