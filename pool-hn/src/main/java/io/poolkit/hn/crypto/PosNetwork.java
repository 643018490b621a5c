package io.poolkit.hn.crypto;

import java.util.Optional;

/** The PoS networks and their address version bytes. */
public enum PosNetwork {
    /** Mainnet: version byte 0x19, addresses start with 'B'. */
    MAINNET(0x19),
    /** Testnet: version byte 0x55, addresses start with 'b'. */
    TESTNET(0x55);

    private final int versionByte;

    PosNetwork(int versionByte) {
        this.versionByte = versionByte;
    }

    public int versionByte() {
        return versionByte;
    }

    /** The network with this version byte, if any. */
    public static Optional<PosNetwork> byVersionByte(int versionByte) {
        for (PosNetwork n : values()) {
            if (n.versionByte == versionByte) {
                return Optional.of(n);
            }
        }
        return Optional.empty();
    }
}
