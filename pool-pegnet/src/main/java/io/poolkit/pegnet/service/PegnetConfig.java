package io.poolkit.pegnet.service;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.poolkit.pegnet.lxr.ByteMap;
import io.poolkit.pegnet.opr.FactoidAddress;
import io.poolkit.pegnet.pool.OwedPayouts;
import io.poolkit.pegnet.pool.SubmissionPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The PegNet pool's configuration file (YAML; unknown keys are errors). Every option but {@code coinbase},
 * {@code prices} and the EC secret has a default (upstream's where it has one). The EC secret ({@code Es...})
 * comes from {@code ecSecret} or, better, the environment variable named by {@code ecSecretEnv}.
 */
public final class PegnetConfig {

    /** The Prosper stratum server. */
    public static final class Stratum {
        /** Listen address. */
        public String host = "0.0.0.0";
        /** Stratum port (upstream 1234). */
        public int port = 1234;
        /** Loopback admin console port; 0 picks one, -1 disables it. */
        public int adminPort = 1235;
        /** Recompute every share's LXRHash (upstream default). */
        public boolean validateAllShares = true;
        /** Upstream's quirk: connections that never authorized may submit as "". */
        public boolean allowUnauthorized = false;
        /** Concurrent connections. */
        public int maxConnections = 10_000;
        /** Lines per second per connection. */
        public int maxMessagesPerSecond = 50;
        /** Shown to miners after authorize. */
        public String welcome = "Welcome to the pool!";
    }

    /** Rolling submission. */
    public static final class Submit {
        /** EMA window in blocks. */
        public int emaN = 36;
        /** SoftMax limit (0 disables). Upstream documents 25 but loads ema-n into it: set 36 for that. */
        public int softmax = SubmissionPolicy.DEFAULT_SOFTMAX;
        /** The spot to aim for. */
        public int cutoff = 200;
        /**
         * Read spot 50 from the graded set sorted by difficulty (fixed); false reproduces upstream's grade-order
         * reading.
         */
        public boolean sortByDifficulty = true;
    }

    /** factomd's v2 API URL. */
    public String factomd = "http://localhost:8088/v2";
    /** Ledger: a SQLite file path or a JDBC URL (jdbc:sqlite:..., jdbc:postgresql://...). */
    public String ledger = "pegnet-ledger.db";
    /** LXRHash table size (30 on mainnet; smaller only for test networks). */
    public int lxrBits = ByteMap.PEGNET_BITS;
    /** The identity written in the pool's OPRs. */
    public String identity = "Prosper";
    /** The FA address rewards are paid to. */
    public String coinbase;
    /** The EC secret, if not given through the environment. */
    public String ecSecret;
    /** Environment variable holding the EC secret. */
    public String ecSecretEnv = "POOLKIT_PEGNET_EC_SECRET";
    /** Pool fee: a decimal 0..1, or -1 for none. */
    public String poolFeeRate = "0.05";
    /** The ledger account the pool fee is credited to. */
    public String feeAccount = "pool-fee";
    /** Start after this height (0: factomd's current height). */
    public long startHeight = 0;
    /** factomd polling interval in milliseconds (upstream 2000). */
    public long pollMillis = 2000;
    /** Users allowed to mine; empty: anyone. */
    public List<String> users = new ArrayList<>();
    /** Prices by asset name (decimal strings); every asset of the current OPR version needs one. */
    public Map<String, String> prices = new LinkedHashMap<>();
    /** Stratum settings. */
    public Stratum stratum = new Stratum();
    /** Submission settings. */
    public Submit submit = new Submit();

    /** Reads and checks a config file; errors name the file and the problem. */
    public static PegnetConfig load(Path file) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try (InputStream in = Files.newInputStream(file)) {
            PegnetConfig c = yaml.readValue(in, PegnetConfig.class);
            if (c == null) {
                throw new IllegalArgumentException(file + ": empty configuration");
            }
            c.validate();
            return c;
        } catch (JsonMappingException e) {
            throw new IllegalArgumentException(file + ": " + e.getOriginalMessage()
                    + (e.getLocation() != null ? " (line " + e.getLocation().getLineNr() + ")" : ""));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
        }
    }

    /** Checks every option; the message says which and why. */
    public void validate() {
        if (coinbase == null || !FactoidAddress.isValid(coinbase)) {
            throw new IllegalArgumentException("coinbase must be a valid FA... address, got " + coinbase);
        }
        if (identity == null || !identity.matches("[a-zA-Z0-9,]+")) {
            throw new IllegalArgumentException("identity must match [a-zA-Z0-9,]+, got " + identity);
        }
        ByteMap.checkBits(lxrBits);
        OwedPayouts.parseFeeRate(poolFeeRate);
        if (pollMillis < 50) {
            throw new IllegalArgumentException("pollMillis must be at least 50");
        }
        if (submit.emaN < 1 || submit.cutoff < 1 || submit.softmax < 0) {
            throw new IllegalArgumentException("submit.emaN and submit.cutoff must be positive, softmax >= 0");
        }
        if (prices.isEmpty()) {
            throw new IllegalArgumentException("prices must list a price for every asset of the OPR version");
        }
        if (stratum.port < 0 || stratum.port > 65535 || stratum.adminPort < -1 || stratum.adminPort > 65535) {
            throw new IllegalArgumentException("stratum.port must be 0..65535 and stratum.adminPort -1..65535");
        }
    }

    /** The EC secret from the file or the environment. */
    public Optional<String> ecSecret(Map<String, String> env) {
        if (ecSecret != null && !ecSecret.isBlank()) {
            return Optional.of(ecSecret);
        }
        return Optional.ofNullable(env.get(ecSecretEnv)).filter(s -> !s.isBlank());
    }
}
