package io.poolkit.packetcrypt.paymaker;

import com.fasterxml.jackson.databind.JsonNode;
import io.poolkit.packetcrypt.http.Jsons;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads a pay log (ndjson) into events, with the node.js PayMaker's field rules: a line with a
 * truthy {@code accepted} is an anns event whatever its type; a missing or zero target counts as
 * 0x20000fff. Lines it cannot use are reported through {@code warn} and skipped, never fatal.
 * Stricter than the original where JavaScript would silently compute NaN: numbers must be
 * integers where the protocol has integers.
 */
public final class PaylogParser {

    /** The target assumed when an event has none (as in the original). */
    public static final int DEFAULT_TARGET = 0x20000fff;
    /** The longest payTo accepted. */
    public static final int MAX_PAYTO = 64;

    private PaylogParser() {
    }

    /** Parses every non-blank line; unusable lines go to {@code warn} with their line number. */
    public static List<PayEvent> parse(String body, Consumer<String> warn) {
        List<PayEvent> out = new ArrayList<>();
        String[] lines = body.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            int lineNo = i;
            try {
                parseLine(line).ifPresent(out::add);
            } catch (IllegalArgumentException e) {
                warn.accept("line " + lineNo + ": " + e.getMessage());
            }
        }
        return out;
    }

    /** One line; empty for an event type that carries nothing to credit. */
    static Optional<PayEvent> parseLine(String line) {
        JsonNode n;
        try {
            n = Jsons.MAPPER.readTree(line);
        } catch (Exception e) {
            throw new IllegalArgumentException("unable to parse as json");
        }
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        String type = n.path("type").isTextual() ? n.get("type").asText() : null;
        if (truthy(n.get("accepted"))) {
            type = "anns";
        }
        if (type == null) {
            throw new IllegalArgumentException("type field is missing or not a string");
        }
        if (!n.path("eventId").isTextual()) {
            throw new IllegalArgumentException("eventId is missing or not a string");
        }
        if (!n.path("time").isNumber()) {
            throw new IllegalArgumentException("time is missing or not a number");
        }
        String eventId = n.get("eventId").asText();
        long time = integer(n, "time");
        switch (type) {
            case "share":
                return Optional.of(new PayEvent.Share(time, eventId, payTo(n), target(n), n.path("block").asBoolean(false)));
            case "anns":
                return Optional.of(new PayEvent.Anns(time, eventId, payTo(n), target(n), count(n, "accepted"),
                        count(n, "unsigned"), count(n, "totalLen")));
            case "block":
                if (!n.path("height").isNumber()) {
                    throw new IllegalArgumentException("height is missing or invalid");
                }
                if (!n.path("difficulty").isNumber()) {
                    throw new IllegalArgumentException("difficulty is missing or not a number");
                }
                double d = n.get("difficulty").asDouble();
                if (!Double.isFinite(d) || d < 0) {
                    throw new IllegalArgumentException("difficulty must be a finite number >= 0");
                }
                return Optional.of(new PayEvent.Block(time, eventId, integer(n, "height"), d));
            default:
                throw new IllegalArgumentException("Unhandled event type [" + type + "]");
        }
    }

    private static boolean truthy(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return false;
        }
        if (v.isNumber()) {
            return v.asDouble() != 0 && !Double.isNaN(v.asDouble());
        }
        if (v.isTextual()) {
            return !v.asText().isEmpty();
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        return true;
    }

    private static String payTo(JsonNode n) {
        JsonNode p = n.get("payTo");
        if (p == null || !p.isTextual() || !validPayTo(p.asText())) {
            throw new IllegalArgumentException("Invalid payTo address [" + (p == null ? "" : p.asText()) + "]");
        }
        return p.asText();
    }

    /** The original's check (longer than 10 characters) plus: at most 64, letters and digits only. */
    public static boolean validPayTo(String s) {
        return s.length() > 10 && s.length() <= MAX_PAYTO && s.chars().allMatch(c ->
                (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'));
    }

    private static int target(JsonNode n) {
        JsonNode t = n.get("target");
        if (!truthy(t)) {
            return DEFAULT_TARGET;
        }
        if (!t.canConvertToExactIntegral() || t.asLong() < 0 || t.asLong() > 0xffffffffL) {
            throw new IllegalArgumentException("target must be a compact 32-bit integer");
        }
        return (int) t.asLong();
    }

    private static long count(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isNumber()) {
            throw new IllegalArgumentException(field + " missing or not a number");
        }
        if (!v.canConvertToExactIntegral() || v.asLong() < 0 || v.asLong() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(field + " must be an integer from 0 to 2^31-1");
        }
        return v.asLong();
    }

    private static long integer(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (!v.canConvertToExactIntegral() || !v.canConvertToLong()) {
            throw new IllegalArgumentException(field + " must be an integer");
        }
        return v.asLong();
    }
}
