package io.poolkit.pegnet.opr;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Encodes a v1 record as the JSON pegnet's miners wrote (Go's {@code encoding/json}): compact, keys
 * {@code coinbase, dbht, winners, minerid, assets} in that order, assets in V1 order, and each price in Go's
 * float format (the shortest decimal that reads back, plain between 1e-6 and 1e21, else {@code 1e-07} style
 * shortened to {@code 1e-7}). The OPR hash is the SHA-256 of these bytes, so they must be exact.
 */
public final class OprV1Json {

    private OprV1Json() {
    }

    /** The content bytes of a v1 record. */
    public static byte[] encode(Opr opr) {
        if (opr.version() != 1) {
            throw new IllegalArgumentException("only v1 records are JSON; v2+ use OprCodec.encode");
        }
        StringBuilder b = new StringBuilder(1024);
        b.append("{\"coinbase\":").append(quote(opr.coinbase()))
                .append(",\"dbht\":").append(opr.height())
                .append(",\"winners\":[");
        List<String> winners = opr.winners();
        for (int i = 0; i < winners.size(); i++) {
            b.append(i == 0 ? "" : ",").append(quote(winners.get(i)));
        }
        b.append("],\"minerid\":").append(quote(opr.minerId())).append(",\"assets\":{");
        List<String> names = OprVersions.assets(1);
        double[] prices = opr.prices();
        for (int i = 0; i < names.size(); i++) {
            b.append(i == 0 ? "" : ",").append(quote(names.get(i))).append(':').append(goFloat(prices[i]));
        }
        return b.append("}}").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Go's {@code encoding/json} rendering of a float64. */
    static String goFloat(double x) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            throw new IllegalArgumentException("JSON has no " + x);
        }
        BigDecimal d = OprPrices.shortestDecimal(x);
        double abs = Math.abs(x);
        if (abs == 0 || (abs >= 1e-6 && abs < 1e21)) {
            return d.toPlainString();
        }
        // 'e' format: mantissa digits, exponent with at least one digit (Go's JSON drops the padding zero).
        BigDecimal s = d.stripTrailingZeros();
        String digits = s.unscaledValue().abs().toString();
        int exp = digits.length() - 1 - s.scale();
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return (x < 0 ? "-" : "") + mantissa + "e" + (exp < 0 ? "-" : "+") + Math.abs(exp);
    }

    private static String quote(String s) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(s)) + "\"";
    }
}
