package io.poolkit.pegnet.pool;

import io.poolkit.pegnet.opr.FactomEntry;
import io.poolkit.pegnet.opr.OprCodec;
import io.poolkit.pegnet.opr.OprFormatException;
import io.poolkit.pegnet.opr.OprVersions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The previous winners a block's records must list, when the pool starts without its history: every record of
 * block H lists the winners of H-1, so the list most records of H carry is taken (honest miners agree; a stray
 * record cannot outvote them). With no decodable record: the genesis list (all "").
 */
public final class PreviousWinners {

    private PreviousWinners() {
    }

    /** The winners most records of block {@code height} list. */
    public static List<String> inferFrom(int height, List<FactomEntry> entries) {
        int version = OprVersions.versionAt(height);
        Map<List<String>, Integer> votes = new HashMap<>();
        List<List<String>> order = new ArrayList<>();
        for (FactomEntry e : entries) {
            if (e.extIds().size() != 3 || e.extIds().get(2).length != 1 || e.extIds().get(2)[0] != version) {
                continue;
            }
            try {
                List<String> w = OprCodec.decode(version, e.content()).winners();
                if (votes.merge(w, 1, Integer::sum) == 1) {
                    order.add(w);
                }
            } catch (OprFormatException bad) {
                // not a record: no vote
            }
        }
        List<String> best = null;
        for (List<String> w : order) {
            if (best == null || votes.get(w) > votes.get(best)) {
                best = w;
            }
        }
        return best != null ? best : Collections.nCopies(OprVersions.winners(version), "");
    }
}
