package io.poolkit.packetcrypt.ann;

import java.util.Optional;

/**
 * Validates announcements against their parent block hash, bit-exact with the reference
 * validators (v1 announcements, PacketCrypt version 2 rules: the current chain). Thread safe and
 * non-blocking: each thread gets its own reusable workspace, so a check allocates almost nothing.
 *
 * <p>Codes: {@link AnnCode}. Checks in order: the version gates, the soft-nonce limit, then the
 * hash loop over four items, the decrypted last-item prefix, the merkle branch and the work.
 */
public final class AnnValidator {

    private final ThreadLocal<AnnWorkspace> workspace = ThreadLocal.withInitial(AnnWorkspace::new);

    /**
     * Checks the 1024 bytes at {@code ann[annOff..]} against the parent block hash (32 bytes,
     * internal byte order, as in a block header's previous-hash field). If the hash loop completes
     * (OK or INSUF_POW) the work hash is written to {@code workHashOut} (32 bytes) unless it is null.
     * This form allocates nothing: it is the one for hot paths.
     */
    public AnnCode validate(byte[] ann, int annOff, byte[] parentHashInternal, byte[] workHashOut) {
        if (annOff < 0 || ann.length - annOff < Announcement.SIZE) {
            throw new IllegalArgumentException("need " + Announcement.SIZE + " announcement bytes at offset " + annOff);
        }
        if (parentHashInternal.length != 32) {
            throw new IllegalArgumentException("the parent block hash is 32 bytes, got " + parentHashInternal.length);
        }
        if (workHashOut != null && workHashOut.length < 32) {
            throw new IllegalArgumentException("the work hash buffer needs 32 bytes");
        }
        return workspace.get().check(ann, annOff, parentHashInternal, 0, workHashOut);
    }

    /** Checks an announcement and returns the code with the work hash when one was computed. */
    public AnnResult check(Announcement ann, byte[] parentHashInternal) {
        byte[] bytes = ann.bytes();
        return check(bytes, parentHashInternal);
    }

    /** Checks 1024 announcement bytes and returns the code with the work hash when one was computed. */
    public AnnResult check(byte[] ann, byte[] parentHashInternal) {
        if (ann.length != Announcement.SIZE) {
            throw new IllegalArgumentException("an announcement is " + Announcement.SIZE + " bytes, got " + ann.length);
        }
        byte[] work = new byte[32];
        AnnCode code = validate(ann, 0, parentHashInternal, work);
        boolean hashed = code == AnnCode.OK || code == AnnCode.INSUF_POW;
        return new AnnResult(code, hashed ? Optional.of(work) : Optional.empty());
    }
}
