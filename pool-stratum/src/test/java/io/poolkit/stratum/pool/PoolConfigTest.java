package io.poolkit.stratum.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PoolConfigTest {

    @Test
    void exampleCoversEveryOptionWithItsDefault() throws Exception {
        Map<?, ?> example = new ObjectMapper(new YAMLFactory()).readValue(PoolConfig.exampleText(), Map.class);
        Map<?, ?> defaults = PoolConfig.defaultsAsMap();
        for (String section : new String[] {"stratum", "jobs", "monitor", "pushBlock", "ledger", "payout"}) {
            assertSameValues(section, (Map<?, ?>) defaults.get(section), (Map<?, ?>) example.get(section));
        }
        Map<?, ?> pool = (Map<?, ?>) example.get("pool");
        assertTrue(pool.keySet().containsAll(((Map<?, ?>) defaults.get("pool")).keySet()));
    }

    @Test
    void exampleParsesWhenItsEnvironmentIsSet() {
        String withInlinePasswords = PoolConfig.exampleText().replace("passwordEnv: POOLKIT_NODE_PASSWORD", "password: a")
                .replace("passwordEnv: POOLKIT_BACKUP_PASSWORD", "password: b");
        PoolConfig c = PoolConfig.parse(withInlinePasswords);
        assertEquals(2, c.nodes.size());
        assertEquals("sha256d", c.algorithm().name());
        assertEquals(0x1fffe000, c.serverConfig().versionRollingMask());
    }

    @Test
    void errorsSayWhatIsWrong() {
        String base = "pool: {network: bitcoin-regtest, payoutAddress: mipcBbFg9gMiCh81Kj8tqqdgoZub1ZJRfn}\n"
                + "nodes: [{name: a, url: 'http://127.0.0.1:1'}]\n";
        PoolConfig.parse(base);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PoolConfig.parse(base + "stratum: {prot: 1}\n"))
                .getMessage().contains("prot"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> PoolConfig.parse(base.replace("mipcBbFg9gMiCh81Kj8tqqdgoZub1ZJRfn", "1BoatSLRHtKNngkdXEeobR76b53LETtpyT")))
                .getMessage().contains("bitcoin-main"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> PoolConfig.parse(base.replace("nodes: [{name: a, url: 'http://127.0.0.1:1'}]", "nodes: []")))
                .getMessage().contains("node"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> PoolConfig.parse(base + "stratum: {extranonce2Size: 1}\n")).getMessage().contains("extranonce2Size"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> PoolConfig.parse(base.replace("url: 'http://127.0.0.1:1'", "url: 'http://127.0.0.1:1', passwordEnv: POOLKIT_UNSET_FOR_TEST")))
                .getMessage().contains("POOLKIT_UNSET_FOR_TEST"));
    }

    @Test
    void ppsSchemeNeedsItsBlockRewardAndCreditsShares() {
        String base = "pool: {network: bitcoin-regtest, payoutAddress: mipcBbFg9gMiCh81Kj8tqqdgoZub1ZJRfn}\n"
                + "nodes: [{name: a, url: 'http://127.0.0.1:1'}]\n";
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PoolConfig.parse(base + "payout: {scheme: PPS}\n"))
                .getMessage().contains("ppsBlockReward"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> PoolConfig.parse(base + "payout: {scheme: PPS, ppsBlockReward: 5000000000, ppsLagSeconds: -1}\n"))
                .getMessage().contains("ppsLagSeconds"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PoolConfig.parse(base + "payout: {scheme: PPSX}\n"))
                .getMessage().contains("PROP, PPLNS, SOLO or PPS"));

        PoolConfig c = PoolConfig.parse(base + "payout: {scheme: pps, ppsBlockReward: 5000000000, feePerMille: 20}\n");
        assertTrue(c.isPps());
        assertEquals(5_000_000_000L, c.ppsCrediter().pps().blockReward());
        assertEquals(20, c.ppsCrediter().pps().fee().perMille());
        assertEquals(java.time.Duration.ofSeconds(60), c.ppsLag());
        assertThrows(IllegalArgumentException.class, c::crediter, "PPS does not credit blocks");
        assertThrows(IllegalArgumentException.class, () -> PoolConfig.parse(base).ppsCrediter(), "PPLNS has no PPS crediter");
    }

    private static void assertSameValues(String path, Map<?, ?> defaults, Map<?, ?> example) {
        for (Map.Entry<?, ?> e : defaults.entrySet()) {
            Object exampleValue = example.get(e.getKey());
            if (e.getValue() instanceof Map<?, ?> nested) {
                assertSameValues(path + "." + e.getKey(), nested, (Map<?, ?>) exampleValue);
            } else {
                assertEquals(String.valueOf(e.getValue()), String.valueOf(exampleValue), path + "." + e.getKey());
            }
        }
    }
}
