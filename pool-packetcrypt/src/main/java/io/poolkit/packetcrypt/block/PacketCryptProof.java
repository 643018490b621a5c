package io.poolkit.packetcrypt.block;

import io.poolkit.packetcrypt.ann.Announcement;
import java.util.List;
import java.util.Optional;

/**
 * The PacketCrypt proof of a block or share: the PCP entity (nonce, four announcements and the
 * announcement proof), the signatures entity (one 64-byte ed25519 signature per signed
 * announcement), the content proofs entity (PacketCrypt version 1 and earlier) and the version
 * entity. {@code signatures} has four entries when the signatures entity is present (empty for
 * unsigned announcements) and is empty when it is absent; {@code version} is 0 when the version
 * entity is absent.
 */
public record PacketCryptProof(int nonce, List<Announcement> announcements, List<Optional<byte[]>> signatures,
        Optional<byte[]> contentProof, byte[] annProof, long version) {

    public static final int NUM_ANNS = 4;

    public PacketCryptProof {
        if (announcements.size() != NUM_ANNS) {
            throw new IllegalArgumentException("a PacketCrypt proof has " + NUM_ANNS + " announcements, got "
                    + announcements.size());
        }
        if (!signatures.isEmpty() && signatures.size() != NUM_ANNS) {
            throw new IllegalArgumentException("signatures are listed per announcement: 0 or 4 entries");
        }
        announcements = List.copyOf(announcements);
        signatures = signatures.stream().map(s -> s.map(byte[]::clone)).toList();
        contentProof = contentProof.map(byte[]::clone);
        annProof = annProof.clone();
    }

    public boolean hasSignatures() {
        return !signatures.isEmpty();
    }

    @Override
    public List<Optional<byte[]>> signatures() {
        return signatures.stream().map(s -> s.map(byte[]::clone)).toList();
    }

    @Override
    public Optional<byte[]> contentProof() {
        return contentProof.map(byte[]::clone);
    }

    @Override
    public byte[] annProof() {
        return annProof.clone();
    }

    /** Length of the PCP entity: nonce, four announcements and the announcement proof. */
    public int pcpEntityLength() {
        return 4 + NUM_ANNS * Announcement.SIZE + annProof.length;
    }
}
