package io.poolkit.qtum.ppm;

import io.poolkit.core.address.AddressException;
import io.poolkit.core.address.Addresses;
import io.poolkit.core.address.Network;
import io.poolkit.core.address.Networks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PPM's {@code PPMConfig.txt}: latin-1 text, CRLF lines of {@code "key": value,  # comment}, with NBSP
 * (0xA0) bytes and tabs as padding. The value ends at the first comma; whitespace and NBSP around it are
 * dropped. The e-mail password is read but never shown ({@link #toString()} redacts it); PPM's
 * hard-coded wallet passphrase is not part of the file and is not imported.
 *
 * @param values every {@code "key": value} found, in file order (first occurrence wins, as in PPM)
 * @param problems what is wrong with the values, worded for the operator
 */
public record PpmConfig(Map<String, String> values, List<String> problems) {

    /** The 20 keys PPM reads. */
    public static final List<String> KEYS = List.of("hostName", "sendEmail", "sendHourlyEmail", "setDomestic",
            "domesticAddress", "internationalAddress", "enableLogging", "emailAddress", "emailUsername",
            "emailPassword", "UTCTimeOffset", "myMinerAddress", "requiredFee", "poolFee", "minimumUTXOSize",
            "intsatsSendmanyMinimum", "isMainnet", "isLinux", "forceTest", "catchupMode");

    private static final Pattern LINE = Pattern.compile("^\\s*\"([A-Za-z0-9_]+)\"\\s*:\\s*([^,#]*)");

    public PpmConfig {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        problems = List.copyOf(problems);
    }

    /** Reads the file as latin-1. */
    public static PpmConfig read(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Parses the text and checks the values. */
    public static PpmConfig parse(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String raw : text.split("\r\n|\n|\r")) {
            String line = raw.replace('\u00a0', ' ');
            if (line.strip().startsWith("#")) {
                continue;
            }
            Matcher m = LINE.matcher(line);
            if (m.find()) {
                values.putIfAbsent(m.group(1), m.group(2).strip());
            }
        }
        List<String> problems = new ArrayList<>();
        for (String key : KEYS) {
            if (!values.containsKey(key)) {
                problems.add("key \"" + key + "\" is missing");
            }
        }
        PpmConfig draft = new PpmConfig(values, List.of());
        draft.checkInt("requiredFee", 0, 100, problems);
        draft.checkInt("poolFee", -100, 100, problems);
        draft.checkInt("minimumUTXOSize", 0, Integer.MAX_VALUE, problems);
        draft.checkInt("intsatsSendmanyMinimum", 1, Integer.MAX_VALUE, problems);
        draft.checkInt("UTCTimeOffset", -23, 23, problems);
        for (String b : List.of("sendEmail", "sendHourlyEmail", "setDomestic", "enableLogging", "isMainnet",
                "isLinux", "forceTest", "catchupMode")) {
            draft.string(b).filter(v -> !v.equals("true") && !v.equals("false"))
                    .ifPresent(v -> problems.add(b + " must be true or false, got '" + v + "'"));
        }
        draft.string("myMinerAddress").ifPresent(a -> {
            try {
                Addresses.parse(a, draft.network());
            } catch (AddressException e) {
                problems.add("myMinerAddress: " + e.getMessage()
                        + (a.startsWith("QPooL") ? " (PPM's sample config ships a made-up address: put your super staker's address here)" : ""));
            }
        });
        return new PpmConfig(values, problems);
    }

    private void checkInt(String key, int min, int max, List<String> problems) {
        string(key).ifPresent(v -> {
            try {
                int i = Integer.parseInt(v);
                if (i < min || i > max) {
                    problems.add(key + " must be " + min + ".." + max + ", got " + i);
                }
            } catch (NumberFormatException e) {
                problems.add(key + " must be a whole number, got '" + v + "'");
            }
        });
    }

    /** A raw value. */
    public Optional<String> string(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /** A whole-number value. */
    public int integer(String key) {
        String v = string(key).orElseThrow(() -> new IllegalArgumentException("PPMConfig has no \"" + key + "\""));
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("PPMConfig \"" + key + "\" must be a whole number, got '" + v + "'");
        }
    }

    /** A true/false value. */
    public boolean flag(String key) {
        return string(key).map(v -> v.toLowerCase(Locale.ROOT).equals("true")).orElse(false);
    }

    /** Qtum mainnet or testnet, from {@code isMainnet}. */
    public Network network() {
        return string("isMainnet").map(v -> v.equals("false")).orElse(false) ? Networks.QTUM_TESTNET : Networks.QTUM_MAIN;
    }

    @Override
    public String toString() {
        Map<String, String> shown = new LinkedHashMap<>(values);
        shown.computeIfPresent("emailPassword", (k, v) -> "(redacted)");
        return "PpmConfig" + shown + (problems.isEmpty() ? "" : " problems=" + problems);
    }
}
