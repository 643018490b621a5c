package io.poolkit.hn.chain;

import io.poolkit.hn.ImmutableBytes;
import io.poolkit.hn.crypto.Blake2b;
import io.poolkit.hn.round.RoundClock;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The genesis block of the PoS chain, as every hypernode stores it. */
public final class Genesis {

    /** The genesis forger and PoS control address. */
    public static final String FORGER = "BKYnuT4Pt8xfZrSKrY3mUyf9Cd9qJmTgBn";

    /** The previous hash of the genesis: BLAKE2b-20 of the ASCII text {@code BIG_BANG_HASH}. */
    public static final ImmutableBytes PREVIOUS_HASH =
            ImmutableBytes.of(Blake2b.hash20("BIG_BANG_HASH".getBytes(StandardCharsets.US_ASCII)));

    /** The genesis block: height 0, round 0, slot 0, at the origin of time, no transactions. */
    public static final PosBlock BLOCK = new PosBlock(0, 0, 0, RoundClock.ORIGIN_OF_TIME, PREVIOUS_HASH, List.of(), 0, 0,
            ImmutableBytes.fromHex("4f9be873ed7f4ef047abee6a2266c7586b019cb69d76b782988a574642604c5f"
                    + "31ce7597a49e018f76253c1418cb0549a3b8db3d42453c661c15eee8a62d4215"),
            ImmutableBytes.fromHex("87d5ad9988b88dda92aa988267e30c89479fc2d2"), FORGER);

    private Genesis() {
    }
}
