package io.poolkit.hn.registration;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The openfield of a registration, {@code ip:port:pos[,key=value...]}, parsed as the plugin's
 * {@code reg_extract} parses it. Every comma-separated part after the first must be exactly one
 * {@code key=value} (the last wins for a repeated key); {@code reward=} names the reward address
 * (default: the sender); a non-empty {@code source=} must equal the sender.
 *
 * @param ip            the IP part, unchecked here
 * @param port          the port part, as written
 * @param posAddress    the PoS address part, unchecked here
 * @param rewardAddress the reward address
 */
public record Openfield(String ip, String port, String posAddress, String rewardAddress) {

    /**
     * Parses {@code openfield} sent by {@code sender}.
     *
     * @throws RegistrationException with the reference's message if the plugin would reject it
     */
    public static Openfield parse(String openfield, String sender) {
        Map<String, String> options = options(openfield);
        String main = openfield.contains(",") ? openfield.substring(0, openfield.indexOf(',')) : openfield;
        String[] parts = unpack(main, ':', 3);
        String source = options.get("source");
        if (source != null && !source.isEmpty() && !source.equals(sender)) {
            throw new RegistrationException(RegistrationException.Reason.BAD_SOURCE, "Bad source address");
        }
        return new Openfield(parts[0], parts[1], parts[2], options.getOrDefault("reward", sender));
    }

    /** The {@code reason=} option of an unregistration ({@code extract_reason}), empty if none. */
    public static String reason(String openfield) {
        if (!openfield.contains(",")) {
            return "";
        }
        String[] parts = openfield.split(",", -1);
        for (int i = 1; i < parts.length; i++) {
            String[] kv = unpack(parts[i], '=', 2);
            if (kv[0].equals("reason")) {
                return kv[1];
            }
        }
        return "";
    }

    /** The value of option {@code key}, if the openfield has it. */
    public static Optional<String> option(String openfield, String key) {
        return Optional.ofNullable(options(openfield).get(key));
    }

    private static Map<String, String> options(String openfield) {
        Map<String, String> options = new HashMap<>();
        if (openfield.contains(",")) {
            String[] parts = openfield.split(",", -1);
            for (int i = 1; i < parts.length; i++) {
                String[] kv = unpack(parts[i], '=', 2);
                options.put(kv[0], kv[1]);
            }
        }
        return options;
    }

    /** Python's {@code a, b, c = text.split(sep)}: exactly {@code expected} parts, with Python's errors. */
    private static String[] unpack(String text, char separator, int expected) {
        String[] parts = text.split(java.util.regex.Pattern.quote(String.valueOf(separator)), -1);
        if (parts.length < expected) {
            throw new RegistrationException(RegistrationException.Reason.BAD_OPENFIELD,
                    "not enough values to unpack (expected " + expected + ", got " + parts.length + ")");
        }
        if (parts.length > expected) {
            throw new RegistrationException(RegistrationException.Reason.BAD_OPENFIELD,
                    "too many values to unpack (expected " + expected + ")");
        }
        return parts;
    }
}
