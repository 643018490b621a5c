package io.poolkit.packetcrypt.master;

import java.util.List;
import java.util.Optional;

/**
 * What the Master needs from the pool config.
 *
 * @param masterUrl        the master's external URL
 * @param annHandlerUrls   the AnnHandlers' external URLs, in handler-number order
 * @param blkHandlerUrls   the BlkHandlers' external URLs
 * @param paymakerUrl      the PayMaker's external URL
 * @param annMinWork       minimum announcement work (the ann target is derived from it)
 * @param shareWorkDivisor expected shares per block
 * @param annVersions      accepted announcement versions
 * @param mineOldAnns      how many blocks old ann miners should mine
 * @param longPollMillis   how long a work long-poll is held
 * @param privateSeed      seed of the per-height signing keys, if the pool signs
 * @param workdir          folder for work files kept across restarts, if any
 */
public record MasterSettings(String masterUrl, List<String> annHandlerUrls, List<String> blkHandlerUrls,
                             String paymakerUrl, double annMinWork, double shareWorkDivisor, List<Integer> annVersions,
                             int mineOldAnns, long longPollMillis, Optional<String> privateSeed,
                             Optional<java.nio.file.Path> workdir) {

    /** Copies the lists. */
    public MasterSettings {
        annHandlerUrls = List.copyOf(annHandlerUrls);
        blkHandlerUrls = List.copyOf(blkHandlerUrls);
        annVersions = List.copyOf(annVersions);
    }

    /** Never shows the seed. */
    @Override
    public String toString() {
        return "MasterSettings[" + masterUrl + ", annMinWork=" + annMinWork + ", shareWorkDivisor=" + shareWorkDivisor
                + ", signing=" + privateSeed.isPresent() + "]";
    }
}
