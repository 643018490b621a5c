package io.poolkit.packetcrypt.block;

/**
 * The reference C {@code Validate_checkBlock_*} result types. A result's numeric code is
 * {@code type << 8}, or'd with the announcement index for the four per-announcement types.
 */
public enum BlockCode {
    /** The work hash meets the block's effective target. */
    OK(0, false),
    /** The work hash meets the share's effective target (but not the block's). */
    SHARE_OK(1, false),
    ANN_INVALID(2, true),
    /** An announcement's aged target is above the committed least-work target. */
    ANN_INSUF_POW(3, true),
    ANN_SIG_INVALID(4, true),
    ANN_CONTENT_INVALID(5, true),
    /** The proof is malformed, not canonical, of an unsupported version, or does not verify. */
    PCP_INVAL(6, false),
    /** The proof verifies but to a root other than the committed one. */
    PCP_MISMATCH(7, false),
    /** The work hash meets neither the block nor the share target. */
    INSUF_POW(8, false),
    /** Wrong commitment magic, or an unusable committed announcement target. */
    BAD_COINBASE(9, false);

    private final int type;
    private final boolean perAnnouncement;

    BlockCode(int type, boolean perAnnouncement) {
        this.type = type;
        this.perAnnouncement = perAnnouncement;
    }

    public int type() {
        return type;
    }

    /** True for the codes that name an announcement. */
    public boolean perAnnouncement() {
        return perAnnouncement;
    }
}
