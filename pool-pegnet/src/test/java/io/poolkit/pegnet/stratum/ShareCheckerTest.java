package io.poolkit.pegnet.stratum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poolkit.core.testing.TestVectors;
import io.poolkit.pegnet.lxr.ByteMap;
import io.poolkit.pegnet.lxr.LxrHash;
import io.poolkit.pegnet.stratum.ShareChecker.Verdict;
import org.junit.jupiter.api.Test;

class ShareCheckerTest {

    private static final String OPR = "05e7de4bc885b059cdf408180c671409ba760dfe2ef95fc4f748f1a9ec3e6c7a";

    /** share_vectors_derived.tsv rows at the given size: oprhash, nonce, target. */
    private static String[] vector(int bits) {
        for (String line : TestVectors.text("pegnet/stratum/share_vectors_derived.tsv").split("\n")) {
            if (line.startsWith(bits + "\t")) {
                return line.strip().split("\t");
            }
        }
        throw new AssertionError("no " + bits + "-bit share vector");
    }

    @Test
    void derivedSharesAreAcceptedOnceAndInOrderOfChecks() {
        for (int bits : new int[] {8, 16}) {
            String[] v = vector(bits);
            assertEquals(OPR, v[1]);
            ShareChecker c = new ShareChecker(new LxrHash(ByteMap.generate(bits)), true, false);
            assertEquals(Verdict.NOT_AUTHORIZED, c.submit("", "210330", v[2], v[1], v[3], true).verdict());
            c.authorized("user@example.com", "machine01");
            assertEquals(Verdict.NO_JOB, c.submit("user@example.com", "210330", v[2], v[1], v[3], true).verdict());
            c.notify(new ShareChecker.Job("210330", OPR));
            assertEquals(Verdict.NOT_AUTHORIZED, c.submit("other", "210330", v[2], v[1], v[3], true).verdict());
            assertEquals(Verdict.WRONG_JOB, c.submit("user@example.com", "210329", v[2], v[1], v[3], true).verdict());
            assertEquals(Verdict.WRONG_JOB,
                    c.submit("user@example.com", "210330", v[2], v[1].toUpperCase(), v[3], true).verdict());
            assertEquals(Verdict.BAD_PARAMS, c.submit("user@example.com", "210330", "xyz", v[1], v[3], true).verdict());
            assertEquals(Verdict.BAD_PARAMS,
                    c.submit("user@example.com", "210330", v[2], v[1], "0x" + v[3], true).verdict());
            assertEquals(Verdict.BELOW_POOL_TARGET,
                    c.submit("user@example.com", "210330", v[2], v[1], "fffe000000000000", true).verdict());
            assertEquals(Verdict.SUBMISSIONS_CLOSED,
                    c.submit("user@example.com", "210330", v[2], v[1], v[3], false).verdict());
            c.notify(new ShareChecker.Job("210330", OPR)); // clears the nonce history
            ShareChecker.Result ok = c.submit("user@example.com", "210330", v[2], v[1], v[3], true);
            assertTrue(ok.accepted(), ok.verdict().toString());
            ShareChecker.Share s = ok.share().orElseThrow();
            assertEquals(Long.parseUnsignedLong(v[3], 16), s.target());
            assertEquals("machine01", s.minerId());
            assertEquals(Verdict.DUPLICATE, c.submit("user@example.com", "210330", v[2], v[1], v[3], true).verdict());
            // a claimed target that is not the hash's
            long claimed = Long.parseUnsignedLong(v[3], 16) + 1;
            assertEquals(Verdict.WRONG_TARGET, c.submit("user@example.com", "210330", v[2] + "00", v[1],
                    Long.toHexString(claimed), true).verdict());
        }
    }

    @Test
    void upstreamBehaviourLetsAnUnauthorizedConnectionSubmitAsEmptyName() {
        String[] v = vector(8);
        ShareChecker c = new ShareChecker(new LxrHash(ByteMap.generate(8)), true, true);
        c.notify(new ShareChecker.Job("210330", OPR));
        assertTrue(c.submit("", "210330", v[2], v[1], v[3], true).accepted());
    }
}
