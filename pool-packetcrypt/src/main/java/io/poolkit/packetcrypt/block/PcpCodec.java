package io.poolkit.packetcrypt.block;

import io.poolkit.core.bytes.ByteFormatException;
import io.poolkit.core.bytes.ByteReader;
import io.poolkit.core.bytes.ByteWriter;
import io.poolkit.core.bytes.VarInt;
import io.poolkit.packetcrypt.ann.Announcement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads and writes the PacketCrypt proof entities that follow a block header: each is
 * {@code varint type || varint length || value}, in the order PCP (1), signatures (2), content
 * proofs (3), version (4), end (0, written {@code 00 00}). Parsing follows pktd (the PCP entity is
 * longer than 4100 and at most 131072 bytes, signatures follow the PCP and match the signed
 * announcements exactly, the version entity holds exactly one varint) and then, as PKT-FullNode
 * does, rejects any encoding other than the canonical one: duplicate, reordered or unknown
 * entities, and non-minimal varints.
 */
public final class PcpCodec {

    public static final int TYPE_END = 0;
    public static final int TYPE_PCP = 1;
    public static final int TYPE_SIGNATURES = 2;
    public static final int TYPE_CONTENT_PROOFS = 3;
    public static final int TYPE_VERSION = 4;
    public static final int MAX_PCP_LENGTH = 131072;
    public static final int SIGNATURE_SIZE = 64;

    private PcpCodec() {
    }

    /** Parses exactly the entities in {@code bytes}, which must end with the end entity. */
    public static PacketCryptProof parse(byte[] bytes) {
        ByteReader r = new ByteReader(bytes);
        PacketCryptProof pcp = read(r);
        if (r.hasRemaining()) {
            throw new PcpFormatException("PacketCrypt proof has " + r.remaining() + " bytes after its end entity");
        }
        return pcp;
    }

    /**
     * Reads the entities at the reader's position up to and including the end entity, and checks
     * that they were encoded canonically.
     */
    public static PacketCryptProof read(ByteReader r) {
        int begin = r.position();
        try {
            PacketCryptProof pcp = readEntities(r);
            int length = r.position() - begin;
            byte[] canonical = encode(pcp);
            if (canonical.length != length) {
                throw new PcpFormatException("PacketCrypt proof is not canonically encoded (" + length
                        + " bytes where the canonical encoding has " + canonical.length + ")");
            }
            return pcp;
        } catch (ByteFormatException e) {
            throw new PcpFormatException("malformed PacketCrypt proof: " + e.getMessage());
        }
    }

    private static PacketCryptProof readEntities(ByteReader r) {
        Integer nonce = null;
        List<Announcement> anns = null;
        byte[] annProof = null;
        List<Optional<byte[]>> signatures = List.of();
        Optional<byte[]> contentProof = Optional.empty();
        long version = 0;
        int lastType = -1;
        for (;;) {
            int at = r.position();
            long type = r.readVarInt();
            long length = r.readVarInt();
            if (type == TYPE_END) {
                if (anns == null) {
                    throw new PcpFormatException("PacketCrypt proof has no PCP entity");
                }
                if (length != 0) {
                    throw new PcpFormatException("end entity at offset " + at + " has length " + Long.toUnsignedString(length));
                }
                return new PacketCryptProof(nonce, anns, signatures, contentProof, annProof, version);
            }
            if (Long.compareUnsigned(type, TYPE_VERSION) > 0) {
                throw new PcpFormatException("unknown PacketCrypt proof entity type " + Long.toUnsignedString(type)
                        + " at offset " + at);
            }
            if (type <= lastType) {
                throw new PcpFormatException("PacketCrypt proof entity type " + type + " at offset " + at
                        + " is duplicated or out of order");
            }
            lastType = (int) type;
            if (Long.compareUnsigned(length, r.remaining()) > 0) {
                throw new PcpFormatException("entity type " + type + " at offset " + at + " claims "
                        + Long.toUnsignedString(length) + " bytes, only " + r.remaining() + " left");
            }
            int len = (int) length;
            switch ((int) type) {
                case TYPE_PCP -> {
                    if (len <= 4 + PacketCryptProof.NUM_ANNS * Announcement.SIZE) {
                        throw new PcpFormatException("runt PCP entity of " + len + " bytes");
                    }
                    if (len > MAX_PCP_LENGTH) {
                        throw new PcpFormatException("oversize PCP entity of " + len + " bytes");
                    }
                    nonce = r.readInt32Le();
                    anns = new ArrayList<>();
                    for (int i = 0; i < PacketCryptProof.NUM_ANNS; i++) {
                        anns.add(Announcement.of(r.readBytes(Announcement.SIZE)));
                    }
                    annProof = r.readBytes(len - 4 - PacketCryptProof.NUM_ANNS * Announcement.SIZE);
                }
                case TYPE_SIGNATURES -> {
                    if (anns == null) {
                        throw new PcpFormatException("signatures come before the PCP entity");
                    }
                    List<Optional<byte[]>> sigs = new ArrayList<>();
                    int remaining = len;
                    for (Announcement ann : anns) {
                        if (!ann.hasSigningKey()) {
                            sigs.add(Optional.empty());
                            continue;
                        }
                        remaining -= SIGNATURE_SIZE;
                        if (remaining < 0) {
                            throw new PcpFormatException("signatures entity too short for the signed announcements");
                        }
                        sigs.add(Optional.of(r.readBytes(SIGNATURE_SIZE)));
                    }
                    if (remaining != 0) {
                        throw new PcpFormatException("signatures entity has " + remaining + " dangling bytes");
                    }
                    signatures = sigs;
                }
                case TYPE_CONTENT_PROOFS -> {
                    if (anns == null) {
                        throw new PcpFormatException("content proofs come before the PCP entity");
                    }
                    contentProof = Optional.of(r.readBytes(len));
                }
                default -> {
                    int start = r.position();
                    version = r.readVarInt();
                    if (r.position() - start != len) {
                        throw new PcpFormatException("version entity has dangling bytes");
                    }
                }
            }
        }
    }

    /** The canonical encoding, end entity included. */
    public static byte[] encode(PacketCryptProof pcp) {
        ByteWriter w = new ByteWriter(pcp.pcpEntityLength() + 256);
        w.writeVarInt(TYPE_PCP).writeVarInt(pcp.pcpEntityLength()).writeInt32Le(pcp.nonce());
        for (Announcement ann : pcp.announcements()) {
            w.writeBytes(ann.bytes());
        }
        w.writeBytes(pcp.annProof());
        int sigLength = 0;
        for (Optional<byte[]> s : pcp.signatures()) {
            sigLength += s.map(b -> b.length).orElse(0);
        }
        if (sigLength > 0) {
            w.writeVarInt(TYPE_SIGNATURES).writeVarInt(sigLength);
            pcp.signatures().forEach(s -> s.ifPresent(w::writeBytes));
        }
        pcp.contentProof().ifPresent(c -> w.writeVarInt(TYPE_CONTENT_PROOFS).writeVarInt(c.length).writeBytes(c));
        if (pcp.version() != 0) {
            w.writeVarInt(TYPE_VERSION).writeVarInt(VarInt.size(pcp.version())).writeVarInt(pcp.version());
        }
        w.writeVarInt(TYPE_END).writeVarInt(0);
        return w.toByteArray();
    }
}
