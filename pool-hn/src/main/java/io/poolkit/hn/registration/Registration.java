package io.poolkit.hn.registration;

import io.poolkit.hn.schedule.Peer;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * A valid hypernode registration.
 *
 * @param powAddress    the registering PoW address (the collateral), the key of the list
 * @param ip            the registered IPv4 address
 * @param port          the port as written (never checked by the reference)
 * @param posAddress    the hypernode's PoS address
 * @param rewardAddress where its rewards go (the registering address unless {@code reward=} was given)
 * @param weight        {@code min(3, floor(balance / 10000 BIS))} at the registration block; 0 and -1 are kept
 * @param timestamp     timestamp of the registration transaction
 * @param active        false if it was inactive in the previous round (it then gets no ticket)
 */
public record Registration(String powAddress, String ip, String port, String posAddress, String rewardAddress,
                           int weight, BigDecimal timestamp, boolean active) {

    public Registration {
        Objects.requireNonNull(powAddress, "powAddress");
        Objects.requireNonNull(ip, "ip");
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(posAddress, "posAddress");
        Objects.requireNonNull(rewardAddress, "rewardAddress");
        Objects.requireNonNull(timestamp, "timestamp");
    }

    /** The same registration with another activity flag. */
    public Registration withActive(boolean isActive) {
        return new Registration(powAddress, ip, port, posAddress, rewardAddress, weight, timestamp, isActive);
    }

    /** The schedule's view, {@code (pos, ip, port, weight, pow, reward)}. */
    public Peer toPeer() {
        return new Peer(posAddress, ip, port, weight, powAddress, rewardAddress);
    }
}
