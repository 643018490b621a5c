package io.poolkit.pegnet.opr;

import io.poolkit.core.bytes.Hex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * PegNet's block grader, v1 to v5 (pegnet {@code modules/grader}). The version comes from the height.
 *
 * <ol>
 * <li>Validate every entry ({@link OprEntry#validate}); invalid ones are dropped, in entry-block order.</li>
 * <li>Drop repeats of the same nonce and OPR hash, keeping the first.</li>
 * <li>Stable-sort by self-reported difficulty, descending (unsigned).</li>
 * <li>Walk that list computing the real difficulty, skipping entries whose claim is false, until 50 honest ones
 *     (only these are ever hashed).</li>
 * <li>Fewer than 10 (v1) or 25 (v2+): no winners.</li>
 * <li>For {@code i} from the count down to 10 (v1) or 1 (v2+): average each asset over the first {@code i}
 *     (v1-v4: mean of absolute prices summed in the current order; v5: trimmed mean), grade each of the first
 *     {@code i} ({@code sum of d^4}, v1 {@code d = (p-avg)/avg}, v2+ {@code d = max(0, |p-avg|/avg - band)} with
 *     band 0.01 while {@code i >= 25}, else 0), then stable-sort the first {@code i} by difficulty descending and
 *     again by grade ascending.</li>
 * </ol>
 *
 * <p>Grades are IEEE doubles computed in exactly upstream's order of operations: they are consensus.
 */
public final class Grader {

    /** Honest records kept for grading. */
    public static final int CUTOFF = 50;
    /** The tolerance band of v2+ grading while at least 25 records remain. */
    public static final double V2_BAND = 0.01;

    private Grader() {
    }

    /** A graded record: its final position (0 = best), real difficulty, last grade and payout in pegtoshi. */
    public record GradedOpr(OprEntry entry, int position, long difficulty, double grade, long payout) {
    }

    /**
     * The outcome of grading a block.
     *
     * @param graded   up to 50 records in final order (empty when there were too few)
     * @param winners  the short hashes of the first 10 (v1) / 25 records in payout order; empty when none
     * @param rejected entries that failed validation, with the reason, in entry order
     */
    public record GradedBlock(int height, int version, List<GradedOpr> graded, List<String> winners,
            List<String> rejected) {

        /** Copies the lists. */
        public GradedBlock {
            graded = List.copyOf(graded);
            winners = List.copyOf(winners);
            rejected = List.copyOf(rejected);
        }

        /** The winners the next block's records must list: this block's, or the carried-forward previous ones. */
        public List<String> winnersForNext(List<String> previousWinners) {
            return winners.isEmpty() ? previousWinners : winners;
        }
    }

    private static final class Work {
        final OprEntry entry;
        final long difficulty;
        double grade;

        Work(OprEntry entry, long difficulty) {
            this.entry = entry;
            this.difficulty = difficulty;
        }
    }

    /** Grades the entries of the OPR entry block at {@code height}. */
    public static GradedBlock grade(int height, List<String> previousWinners, List<FactomEntry> entries, OprPow pow) {
        int version = OprVersions.versionAt(height);
        List<String> rejected = new ArrayList<>();
        List<OprEntry> valid = new ArrayList<>();
        for (FactomEntry e : entries) {
            try {
                valid.add(OprEntry.validate(e, height, previousWinners));
            } catch (OprFormatException ex) {
                rejected.add(e.hashHex() + ": " + ex.getMessage());
            }
        }
        List<OprEntry> unique = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (OprEntry e : valid) {
            if (seen.add(Hex.encode(e.nonce()) + "/" + Hex.encode(e.oprHash()))) {
                unique.add(e);
            }
        }
        int lo = version == 1 ? 10 : 1;
        int minimum = OprVersions.winners(version);
        List<OprEntry> bySrd = new ArrayList<>(unique);
        bySrd.sort((a, b) -> Long.compareUnsigned(b.selfReportedDifficulty(), a.selfReportedDifficulty()));
        List<Work> top = new ArrayList<>();
        for (OprEntry e : bySrd) {
            long d = pow.difficulty(e.oprHash(), e.nonce());
            if (d != e.selfReportedDifficulty()) {
                rejected.add(e.entry().hashHex() + ": claims difficulty " + Long.toHexString(e.selfReportedDifficulty())
                        + ", really " + Long.toHexString(d));
                continue;
            }
            top.add(new Work(e, d));
            if (top.size() == CUTOFF) {
                break;
            }
        }
        if (top.size() < minimum) {
            return new GradedBlock(height, version, List.of(), List.of(), rejected);
        }
        Work[] list = top.toArray(Work[]::new);
        Comparator<Work> byDifficulty = (a, b) -> Long.compareUnsigned(b.difficulty, a.difficulty);
        Comparator<Work> byGrade = (a, b) -> Double.compare(a.grade, b.grade);
        for (int i = list.length; i >= lo; i--) {
            double[] avg = version == 5 ? trimmedAverage(list, i) : average(list, i);
            double band = version >= 2 && i >= 25 ? V2_BAND : 0.0;
            for (int j = 0; j < i; j++) {
                list[j].grade = version == 1 ? gradeV1(avg, list[j]) : gradeV2(avg, list[j], band);
            }
            Arrays.sort(list, 0, i, byDifficulty); // Arrays.sort on objects is stable (TimSort)
            Arrays.sort(list, 0, i, byGrade);
        }
        List<GradedOpr> graded = new ArrayList<>();
        List<String> winners = new ArrayList<>();
        for (int p = 0; p < list.length; p++) {
            Work w = list[p];
            graded.add(new GradedOpr(w.entry, p, w.difficulty, w.grade, OprVersions.payout(version, p)));
            if (p < minimum) {
                winners.add(w.entry.shortHash());
            }
        }
        return new GradedBlock(height, version, graded, winners, rejected);
    }

    /**
     * Mean of absolute prices over the first {@code n} records, summed in their current order, then divided
     * (v1-v4). Go's float comparison {@code >= 0} decides the sign, as upstream.
     */
    static double[] average(Work[] list, int n) {
        double[] data = new double[list[0].entry.opr().assetCount()];
        for (int r = 0; r < n; r++) {
            Opr opr = list[r].entry.opr();
            for (int a = 0; a < data.length; a++) {
                double v = opr.price(a);
                if (v >= 0) {
                    data[a] += v;
                } else {
                    data[a] -= v;
                }
            }
        }
        double count = n;
        for (int a = 0; a < data.length; a++) {
            data[a] = data[a] / count;
        }
        return data;
    }

    /**
     * v5's trimmed mean over the first {@code n} records: per asset, sort the {@code n} prices, drop
     * {@code floor(0.1 n) + 1} from each end and average the rest in sorted order; with {@code n <= 3}, the
     * middle element ({@code n / 2}).
     */
    static double[] trimmedAverage(Work[] list, int n) {
        int assets = list[0].entry.opr().assetCount();
        double[] data = new double[assets];
        double[] values = new double[n];
        for (int a = 0; a < assets; a++) {
            for (int r = 0; r < n; r++) {
                values[r] = list[r].entry.opr().price(a);
            }
            Arrays.sort(values, 0, n);
            if (n <= 3) {
                data[a] = values[n / 2];
                continue;
            }
            int p = (int) Math.floor(0.1 * n) + 1;
            double sum = 0;
            int count = 0;
            for (int k = p; k <= n - p - 1; k++) {
                sum += values[k];
                count++;
            }
            data[a] = sum / count;
        }
        return data;
    }

    static double gradeV1(double[] avg, Work w) {
        double grade = 0;
        Opr opr = w.entry.opr();
        for (int a = 0; a < avg.length; a++) {
            if (avg[a] > 0) {
                double d = (opr.price(a) - avg[a]) / avg[a];
                grade = grade + d * d * d * d;
            }
        }
        return grade;
    }

    static double gradeV2(double[] avg, Work w, double band) {
        double grade = 0;
        Opr opr = w.entry.opr();
        for (int a = 0; a < avg.length; a++) {
            if (avg[a] > 0) {
                double d = Math.abs((opr.price(a) - avg[a]) / avg[a]);
                if (d <= band) {
                    d = 0;
                } else {
                    d -= band;
                }
                grade = grade + d * d * d * d;
            }
        }
        return grade;
    }
}
