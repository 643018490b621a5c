package io.poolkit.hn.schedule;

import java.util.Objects;

/**
 * A registered hypernode as the schedule sees it, in the reference's tuple order
 * {@code (pos, ip, port, weight, pow_registrar, pow_reward)}. Only the address and the weight
 * affect the schedule.
 *
 * @param posAddress    PoS address, the hypernode's identity
 * @param ip            registered IP address
 * @param port          registered port, as written in the registration (a string in the reference)
 * @param weight        tickets per walk of the list: 1 to 3 for 10k to 30k BIS of collateral; 0 and -1 get none
 * @param powAddress    the PoW address that registered it (the collateral)
 * @param rewardAddress the PoW address its rewards go to
 */
public record Peer(String posAddress, String ip, String port, int weight, String powAddress, String rewardAddress) {

    public Peer {
        Objects.requireNonNull(posAddress, "posAddress");
        Objects.requireNonNull(ip, "ip");
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(powAddress, "powAddress");
        Objects.requireNonNull(rewardAddress, "rewardAddress");
    }

    /** A peer known only by address and weight (the rest left empty), for schedules and tests. */
    public static Peer of(String posAddress, int weight) {
        return new Peer(posAddress, "", "", weight, "", "");
    }
}
