package io.poolkit.qtum.ppm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poolkit.core.ledger.LedgerConfig;
import io.poolkit.core.ledger.LedgerStore;
import io.poolkit.core.testing.TestVectors;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PpmFilesTest {

    private static final Path PPM = TestVectors.path("qtum/ppm");

    @Test
    void readsAndRewritesCurrentpoolshareByteForByte() throws Exception {
        byte[] original = Files.readAllBytes(PPM.resolve("currentpoolshare.csv"));
        PoolShareFile f = PoolShareFile.read(PPM.resolve("currentpoolshare.csv"));
        assertEquals(683_567, f.block());
        assertEquals(5_724_236_827L, f.poolBalanceSats());
        assertEquals(2_303_740_788L, f.poolRevenueSats());
        assertEquals(4, f.sharesSats().size());
        assertEquals(2_534_986_018L, f.sharesSats().get("QHd3raPTT2cbzZUVZUooxSTPNkV6ucRZRc"));
        assertEquals(List.of("QUXM5s6exwXZoUQQXSvVeyrGGhoo5ZKCE2", "QHd3raPTT2cbzZUVZUooxSTPNkV6ucRZRc",
                "QJ9CBR3MURmq88jZHntfpHY4DVtXMDTGSN", "QJQfsCpyyZCdvdhNbFcbE2ANm7RxsnuLXZ"), List.copyOf(f.sharesSats().keySet()));
        assertEquals(new String(original, StandardCharsets.US_ASCII), f.format("\r\n"));
    }

    @Test
    void readsThePerBlockArchiveWithItsTrailingBlankLine(@TempDir Path tmp) throws Exception {
        Path archive = PPM.resolve("683567poolshare.csv");
        PoolShareFile f = PoolShareFile.read(archive);
        assertEquals(PoolShareFile.read(PPM.resolve("currentpoolshare.csv")), f);
        assertEquals(Files.readString(archive), f.format("\r\n") + "\r\n");
        Path out = tmp.resolve("poolshare").resolve(PoolShareFile.archiveName(f.block()));
        f.write(out, "\n");
        assertEquals(f, PoolShareFile.read(out));
        assertTrue(Files.readString(out).startsWith("block,683567,poolbalance,5724236827,\npoolrevenue,"));
    }

    @Test
    void floatRevenueAfterAPayoutIsTruncatedLikePpm() {
        PoolShareFile f = PoolShareFile.parse("block,10,poolbalance,5,\npoolrevenue,26000089788.799206,\n", "x");
        assertEquals(26_000_089_788L, f.poolRevenueSats());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PoolShareFile.parse("poolrevenue,1,\n", "broken.csv"));
        assertTrue(e.getMessage().contains("broken.csv"), e.getMessage());
    }

    @Test
    void configWithCrlfLatin1AndNbspAndItsFakeAddress() {
        PpmConfig c = PpmConfig.read(PPM.resolve("PPMConfig.txt"));
        assertEquals("LD18", c.string("hostName").orElseThrow());
        assertEquals("true", c.string("sendEmail").orElseThrow());
        assertEquals("9876543210txt.att.net", c.string("domesticAddress").orElseThrow());
        assertEquals(8, c.integer("UTCTimeOffset"));
        assertEquals(100, c.integer("requiredFee"));
        assertEquals(12, c.integer("poolFee"));
        assertEquals(25, c.integer("minimumUTXOSize"));
        assertEquals(100_000, c.integer("intsatsSendmanyMinimum"));
        assertTrue(c.flag("isMainnet"));
        for (String key : PpmConfig.KEYS) {
            assertTrue(c.string(key).isPresent(), key);
        }
        assertEquals(1, c.problems().size(), c.problems().toString());
        String problem = c.problems().get(0);
        assertTrue(problem.contains("QPooLGGp2FodAN1PpqvB7iLNK7kD3gSeko"), problem);
        assertTrue(problem.contains("checksum"), problem);
        assertTrue(problem.contains("made-up address"), problem);
        assertFalse(c.toString().contains("apgzvyhmeneljjlr"), "password is redacted");
    }

    @Test
    void importingThePpmSampleReportsItsInvalidAddressesAndRefusesTheLedger(@TempDir Path tmp) {
        PpmImport imp = PpmImport.read(PPM);
        assertEquals(683_567, imp.current().block());
        assertEquals(List.of(683_567), List.copyOf(imp.archives().keySet()));
        assertFalse(imp.importable());
        assertEquals(1 + 4 + 4, imp.problems().size(), imp.problems().toString());
        assertTrue(imp.problems().stream().allMatch(p -> p.contains("checksum")), imp.problems().toString());
        try (LedgerStore ledger = LedgerStore.open(LedgerConfig.sqlite(tmp.resolve("l.db")))) {
            ledger.migrate();
            assertThrows(IllegalStateException.class, () -> imp.importInto(ledger));
        }
    }

    @Test
    void importingAValidDirectoryCreditsTheLedgerOnce(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("ppm");
        Files.createDirectories(dir.resolve("poolshare"));
        String config = new String(Files.readAllBytes(PPM.resolve("PPMConfig.txt")), StandardCharsets.ISO_8859_1)
                .replace("QPooLGGp2FodAN1PpqvB7iLNK7kD3gSeko", "QYScv2vMxceXdTSqNtkahU92GJrEtafVMR");
        Files.write(dir.resolve("PPMConfig.txt"), config.getBytes(StandardCharsets.ISO_8859_1));
        Map<String, Long> shares = new LinkedHashMap<>();
        shares.put("QYScv2vMxceXdTSqNtkahU92GJrEtafVMR", 1_359_008L);
        shares.put("QaZv1JjxkKomiG6tJcooKfAod3NDGtnLKa", 2_534_986_018L);
        shares.put("QLhU3dcrcBkRUYkRFWoQT5SvGSLq6ZFDRv", 0L);
        PoolShareFile snapshot = new PoolShareFile(700_000, 2_600_000_000L, 5L, shares);
        snapshot.write(dir.resolve("currentpoolshare.txt"), "\n");
        snapshot.write(dir.resolve("poolshare").resolve("700000poolshare.csv"), "\n");
        PpmImport imp = PpmImport.read(dir);
        assertTrue(imp.importable(), imp.problems().toString());
        try (LedgerStore ledger = LedgerStore.open(LedgerConfig.sqlite(tmp.resolve("l.db")))) {
            ledger.migrate();
            assertTrue(imp.importInto(ledger).created());
            assertFalse(imp.importInto(ledger).created(), "importing again changes nothing");
            assertEquals(2_534_986_018L, ledger.balances().of("qtum", "QaZv1JjxkKomiG6tJcooKfAod3NDGtnLKa").confirmed());
        }
    }

    @Test
    void dailyLogWritesPpmRows(@TempDir Path tmp) throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2020-08-06T22:32:15Z"), ZoneOffset.UTC);
        DailyLog log = new DailyLog(tmp.resolve("logs"), clock, ZoneOffset.ofHours(-4), "2020-08-06");
        log.start();
        log.block(new BlockRow(1_596_753_892L, 650_818, 248_785_670_000_000L, 0, 235_853_250_000_000L,
                466_736_500_000_000L, -12_932_400_000_000L, 57, 10, true, 0,
                "qS3MvbBY8y8xNZx2GVyMEdnQJTCPWoPLUR", 400_000_000L, Optional.empty(), 0, OptionalInt.empty(), false,
                27_739_000_000L, ""));
        log.payoutBatch(1, 2_426_684_919L);
        log.payoutTotal(1, 4, 2_426_684_919L, 3_297_551_908L);
        log.endOfDay(2700);
        log.error("QTUMD OFFLINE");
        Path file = tmp.resolve("logs").resolve("PPM_Log_2020_08_06.csv");
        assertEquals(file, log.currentFile());
        List<String> lines = Files.readAllLines(file);
        List<String> readme = TestVectors.text("qtum/ppm/log_example_readme_2020.csv").lines().toList();
        assertEquals(List.of(
                "000,Program,start,or,restart,version,2020-08-06",
                "000,Logging,start,22:32:15,GMT,2020_08_06",
                readme.get(2),
                readme.get(6),
                "300,payout,carryovers,1,sendmanyAmount,24.26684919",
                "300,total,sendmanys,1,numDelegatesPaid,4,totalPaid,24.26684919,intsatspoolRevenue,3297551908",
                "200, blocks,2700",
                "900, QTUMD OFFLINE"), lines);
    }
}
