package io.poolkit.qtum.chain;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Optional;

/** Amounts in qtumd responses, read without floating point. */
public final class RpcAmounts {

    private RpcAmounts() {
    }

    /** QTUM text (e.g. "118.4") to satoshis; more than 8 decimals is an error. */
    public static long qtumToSats(String qtum) {
        try {
            return new BigDecimal(qtum.trim()).movePointRight(8).longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("not a QTUM amount with at most 8 decimals: '" + qtum + "'");
        }
    }

    /** Satoshis as QTUM text with 8 decimals. */
    public static String satsToQtum(long sats) {
        return BigDecimal.valueOf(sats, 8).toPlainString();
    }

    /**
     * The amount of a vin/vout object: {@code valueSat} when present, else {@code value} read as a
     * decimal from its JSON text (never through a double).
     */
    public static Optional<Long> sats(JsonNode node) {
        JsonNode sat = node.get("valueSat");
        if (sat != null && sat.isIntegralNumber()) {
            return Optional.of(sat.longValue());
        }
        JsonNode value = node.get("value");
        if (value != null && value.isNumber()) {
            return Optional.of(value.decimalValue().movePointRight(8).setScale(0).longValueExact());
        }
        if (value != null && value.isTextual()) {
            return Optional.of(qtumToSats(value.asText()));
        }
        return Optional.empty();
    }
}
