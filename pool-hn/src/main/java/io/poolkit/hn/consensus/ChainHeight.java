package io.poolkit.hn.consensus;

import io.poolkit.hn.ImmutableBytes;
import java.util.Objects;

/**
 * A node's chain status (the {@code Height} message): its tip and the chain metrics. With R the
 * round of the tip, {@code uniques} and {@code forgers} count distinct transaction senders and
 * forgers in blocks before round R, {@code uniquesRound} and {@code forgersRound} those of round R.
 *
 * @param height       tip height
 * @param round        tip round
 * @param sir          tip slot in round
 * @param blockHash    tip hash, 20 bytes
 * @param uniques      distinct senders before the tip's round
 * @param uniquesRound distinct senders in the tip's round
 * @param forgers      distinct forgers before the tip's round
 * @param forgersRound distinct forgers in the tip's round
 */
public record ChainHeight(long height, long round, long sir, ImmutableBytes blockHash, long uniques,
                          long uniquesRound, long forgers, long forgersRound) {

    public ChainHeight {
        Objects.requireNonNull(blockHash, "blockHash");
    }

    /** True if both name the same tip: height, round, slot and hash ({@code same_height}). */
    public boolean sameTip(ChainHeight other) {
        return height == other.height && round == other.round && sir == other.sir && blockHash.equals(other.blockHash);
    }

    /**
     * True if {@code other} fulfils what this status promised for the current round: same tip and
     * same round metrics ({@code heights_match}, used to accept a round sync).
     */
    public boolean matchesRound(ChainHeight other) {
        return sameTip(other) && uniquesRound == other.uniquesRound && forgersRound == other.forgersRound;
    }
}
