package io.poolkit.hn.schedule;

import io.poolkit.hn.random.PythonRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * The peers a hypernode connects to in a round ({@code get_connect_to}): seed CPython's generator
 * with the string {@code myAddress + decimal(round)}, drop my own address from all registered
 * peers (order kept), shuffle, keep the first {@code maxConnectTo}.
 */
public final class ConnectTo {

    private ConnectTo() {
    }

    /** The peers {@code myAddress} connects to in {@code round}; {@code myAddress} need not be registered. */
    public static List<Peer> choose(List<Peer> allPeers, long round, String myAddress, int maxConnectTo) {
        if (maxConnectTo < 0) {
            throw new IllegalArgumentException("the number of peers to connect to must not be negative, got "
                    + maxConnectTo);
        }
        PythonRandom random = PythonRandom.seededWithString(myAddress + round);
        List<Peer> others = new ArrayList<>(allPeers.size());
        for (Peer p : allPeers) {
            if (!p.posAddress().equals(myAddress)) {
                others.add(p);
            }
        }
        random.shuffle(others);
        return List.copyOf(others.subList(0, Math.min(maxConnectTo, others.size())));
    }
}
