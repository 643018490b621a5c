package io.poolkit.packetcrypt.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * JSON helpers shared by the roles: one configured mapper, string quoting, and numbers written the
 * way JavaScript prints them (shortest round-trip digits, integers without ".0"), so replies
 * compare equal to the node.js pool's.
 */
public final class Jsons {

    /** The mapper the roles use (sorted output is not needed; field order is insertion order). */
    public static final ObjectMapper MAPPER = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .enable(com.fasterxml.jackson.core.JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private Jsons() {
    }

    /** A JSON string literal. */
    public static String quote(String s) {
        try {
            return MAPPER.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Serializes a value tree. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The shortest decimal that reads back as exactly {@code d} (what JavaScript prints), as a
     * BigDecimal. Java 17's Double.toString is not always the shortest, hence the search.
     */
    public static BigDecimal shortest(double d) {
        if (!Double.isFinite(d)) {
            throw new IllegalArgumentException("not a finite number: " + d);
        }
        if (d == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal exact = new BigDecimal(d);
        for (int p = 1; p <= 17; p++) {
            BigDecimal r = exact.round(new MathContext(p));
            if (r.doubleValue() == d) {
                return r.stripTrailingZeros();
            }
        }
        return exact;
    }

    /** {@code String(d)} in JavaScript for the plain range 1e-7 &lt;= |d| &lt; 1e21 (else scientific). */
    public static String jsString(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        BigDecimal s = shortest(d);
        double a = Math.abs(d);
        if (a != 0 && (a < 1e-6 || a >= 1e21)) {
            String e = s.unscaledValue().abs().toString();
            int exp = e.length() - 1 - s.scale();
            String mant = e.length() == 1 ? e : e.charAt(0) + "." + e.substring(1);
            return (d < 0 ? "-" : "") + mant + "e" + (exp >= 0 ? "+" : "") + exp;
        }
        return s.toPlainString();
    }
}
