package io.poolkit.packetcrypt.paymaker;

import io.poolkit.core.address.AddressException;
import io.poolkit.core.address.Addresses;
import io.poolkit.core.address.Networks;
import java.util.Optional;

/**
 * The PayMaker's crediting and payout parameters (names as in the node.js pool's config).
 *
 * @param blockPayoutFraction the share of each payout that goes to block miners (0..1)
 * @param pplnsBlkConstantX   a block share pays {@code credit / pplnsBlkConstantX}
 * @param pplnsAnnConstantX   an ann slot entry pays {@code credit / pplnsAnnConstantX}
 * @param poolFee             the pool's fraction (0..1), paid to {@code poolFeeAddress}
 * @param poolFeeAddress      where the fee goes; empty for no fee
 * @param defaultAddress      receives what is left when history runs out
 * @param errorAddress        receives everything when the split cannot be computed or sent
 * @param historyDepthSeconds how far back events are kept (from the newest event time)
 * @param annSlotMillis       the ann compressor's slot length
 * @param slotsToKeepEvents   how many newest slots keep their event ids for dedup
 */
public record PayMakerSettings(double blockPayoutFraction, double pplnsBlkConstantX, double pplnsAnnConstantX,
                               double poolFee, Optional<String> poolFeeAddress, String defaultAddress,
                               String errorAddress, long historyDepthSeconds, long annSlotMillis,
                               int slotsToKeepEvents) {

    /** Checks the ranges; the message names the option. */
    public PayMakerSettings {
        if (!(blockPayoutFraction >= 0 && blockPayoutFraction <= 1)) {
            throw new IllegalArgumentException("blockPayoutFraction must be between 0 and 1, not " + blockPayoutFraction);
        }
        if (!(pplnsBlkConstantX > 0) || !(pplnsAnnConstantX > 0)) {
            throw new IllegalArgumentException("pplnsBlkConstantX and pplnsAnnConstantX must be > 0");
        }
        if (!(poolFee >= 0 && poolFee < 1)) {
            throw new IllegalArgumentException("poolFee must be in [0, 1), not " + poolFee);
        }
        if (poolFee > 0 && poolFeeAddress.isEmpty()) {
            throw new IllegalArgumentException("poolFee is set: set poolFeeAddress too");
        }
        if (defaultAddress == null || defaultAddress.isBlank() || errorAddress == null || errorAddress.isBlank()) {
            throw new IllegalArgumentException("defaultAddress and errorAddress are required");
        }
        // The node.js PayMaker silently drops the fee for an invalid fee address, and pktd refuses a payout
        // split naming an invalid address: refuse the settings instead, naming the address and why.
        checkAddress("poolFeeAddress", poolFeeAddress.orElse(null));
        checkAddress("defaultAddress", defaultAddress);
        checkAddress("errorAddress", errorAddress);
        if (historyDepthSeconds <= 0 || annSlotMillis <= 0 || slotsToKeepEvents <= 0) {
            throw new IllegalArgumentException("historyDepth, annCompressor.timespanMs and slotsToKeepEvents must be > 0");
        }
    }

    /**
     * The documented defaults of the node.js pool: half to block miners, X = 2 for shares and 0.125
     * for anns, 48 h of history, one-minute slots keeping events for 10 slots.
     */
    public static PayMakerSettings defaults(String defaultAddress, double poolFee, Optional<String> poolFeeAddress) {
        return new PayMakerSettings(0.5, 2, 0.125, poolFee, poolFeeAddress, defaultAddress, defaultAddress,
                48 * 3600, 60_000, 10);
    }

    private static void checkAddress(String option, String address) {
        if (address == null) {
            return;
        }
        try {
            Addresses.parse(address, Networks.PKT_MAIN);
        } catch (AddressException e) {
            throw new IllegalArgumentException(option + " " + address + " is not a PKT address: " + e.getMessage(), e);
        }
    }
}
