package io.poolkit.core.ledger;

import java.math.BigDecimal;
import java.time.Instant;

/** Values for the ledger tests. */
final class Fixtures {

    static final String CHAIN = "bitcoin-regtest";
    static final Instant T0 = Instant.parse("2024-05-01T12:00:00Z");
    static final String ALICE = "mipcBbFg9gMiCh81Kj8tqqdgoZub1ZJRfn";
    static final String BOB = "n3GNqMveyvaPvUbH469vDRadqpJMPc84JA";
    static final String CAROL = "bcrt1qw508d6qejxtdg4y5r3zarvary0c5xw7kygt080";
    static final String POOL = "RdMQmGMZp4ZkEjXwM4BY5vrV3wqNfDaFeG";

    private Fixtures() {
    }

    static AcceptedShare share(String address, String difficulty, Instant at) {
        return new AcceptedShare(address, "rig1", new BigDecimal(difficulty), new BigDecimal("0.00000000046566"),
                "job" + at.toEpochMilli(), 101, at);
    }

    static String hash(long n) {
        return String.format("%064x", n);
    }

    static FoundBlock block(long n, String finder, long reward, Instant at) {
        return new FoundBlock(CHAIN, 100 + n, hash(n), finder, "rig1", reward, new BigDecimal("0.00000000046566"), at);
    }
}
