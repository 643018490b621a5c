package io.poolkit.packetcrypt.block;

/** A PacketCrypt proof that cannot be parsed, or whose encoding is not the canonical one. */
public final class PcpFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public PcpFormatException(String message) {
        super(message);
    }
}
