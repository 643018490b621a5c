package io.poolkit.packetcrypt.ann;

/**
 * The outcome of validating an announcement. The first five are the reference C validator's
 * {@code Validate_checkAnn_*} codes with their numbers; the two version gates are pktd's checks
 * ({@code Validate_checkAnn_ANN_VERSION_*}), numbered after them by poolkit.
 */
public enum AnnCode {
    /** Valid: the work hash meets the announcement's work bits. */
    OK(0),
    /**
     * Invalid: the merkle branch does not lead to the root (pktd names this INVAL_MERKLE), or an
     * item's random program was too big or ran too long.
     */
    INVAL(1),
    /** The decrypted last-item prefix is not zero (v1): wrong parent hash or a changed header. */
    INVAL_ITEM4(2),
    /** Well formed, but the work hash does not meet the work bits. */
    INSUF_POW(3),
    /** The soft nonce is above the limit the work bits allow. */
    SOFT_NONCE_HIGH(4),
    /** A v1 (or later) announcement whose parent is below height 103869, before v1 existed. */
    ANN_VERSION_NOT_ALLOWED(5),
    /** A v0 announcement under PacketCrypt version 2 rules, which allow only v1. */
    ANN_VERSION_MISMATCH(6);

    private final int value;

    AnnCode(int value) {
        this.value = value;
    }

    /** The numeric code. */
    public int value() {
        return value;
    }

    public boolean isOk() {
        return this == OK;
    }
}
