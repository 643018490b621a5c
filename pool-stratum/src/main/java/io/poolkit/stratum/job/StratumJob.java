package io.poolkit.stratum.job;

import io.poolkit.core.bytes.Bytes;
import io.poolkit.core.bytes.Hex;
import io.poolkit.core.chain.BlockHeader;
import io.poolkit.core.chain.MerkleTree;
import io.poolkit.core.chain.StratumEncoding;
import io.poolkit.core.pow.Sha256d;
import io.poolkit.core.target.CompactBits;
import io.poolkit.core.target.Target;
import io.poolkit.stratum.protocol.NotifyParams;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One unit of work sent to miners: the coinbase split around the extranonce slot, the merkle branch
 * of the other transactions and the header fields. Immutable; rebuilds the header a miner hashed
 * from its submit. Byte order: hashes internal, as serialized.
 *
 * @param id                   pool-wide job id (hex)
 * @param height               height of the block this job builds
 * @param coinbaseValue        block reward plus fees the coinbase pays, in base units
 * @param previousHashInternal previous block hash, internal order
 * @param coinbase1            coinbase bytes before the extranonce slot
 * @param coinbase2            coinbase bytes after the extranonce slot
 * @param merkleBranch         sibling hashes of the coinbase's merkle path, internal order
 * @param version              block version
 * @param bits                 compact network target
 * @param time                 the template's current time (unix seconds), sent as ntime
 * @param minTime              earliest ntime the node accepts
 * @param maxTime              latest ntime the pool accepts
 * @param createdAt            when the job was made
 * @param block                builds the full block for submitblock once a share meets the network target
 */
public record StratumJob(String id, long height, long coinbaseValue, byte[] previousHashInternal, byte[] coinbase1, byte[] coinbase2,
                         List<byte[]> merkleBranch, int version, int bits, long time, long minTime, long maxTime,
                         Instant createdAt, BlockBuilder block) {

    /** Assembles the serialized block from a solved header and the completed coinbase (non-witness form). */
    @FunctionalInterface
    public interface BlockBuilder {
        byte[] assemble(byte[] header80, byte[] coinbase);
    }

    public StratumJob {
        Objects.requireNonNull(id);
        previousHashInternal = previousHashInternal.clone();
        coinbase1 = coinbase1.clone();
        coinbase2 = coinbase2.clone();
        merkleBranch = List.copyOf(merkleBranch);
        Objects.requireNonNull(createdAt);
        Objects.requireNonNull(block);
        if (previousHashInternal.length != 32) {
            throw new IllegalArgumentException("previous hash must be 32 bytes");
        }
    }

    /** The network (block) target from {@link #bits()}. */
    public Target networkTarget() {
        return CompactBits.toTarget(bits);
    }

    /** The network difficulty (bdiff: Bitcoin's diff1 over the network target), as explorers show it. */
    public java.math.BigDecimal networkDifficulty() {
        return io.poolkit.core.target.DifficultyScale.BITCOIN.difficultyOf(networkTarget());
    }

    /** coinbase1 || extranonce1 || extranonce2 || coinbase2. */
    public byte[] coinbase(byte[] extranonce1, byte[] extranonce2) {
        return Bytes.concat(coinbase1, extranonce1, extranonce2, coinbase2);
    }

    /** The merkle root (internal order) for a completed coinbase. */
    public byte[] merkleRoot(byte[] coinbase) {
        return MerkleTree.rootFromBranch(Sha256d.hash(coinbase), merkleBranch);
    }

    /** The 80-byte header the miner hashed, for the given coinbase, ntime, nonce and (rolled) version. */
    public byte[] header(byte[] coinbase, long ntime, long nonce, int blockVersion) {
        return new BlockHeader(blockVersion, previousHashInternal, merkleRoot(coinbase), ntime, bits, nonce).serialize();
    }

    /** The notify params for a client job id (sessions give each job their own id). */
    public NotifyParams notifyParams(String clientJobId, boolean cleanJobs) {
        List<String> branch = new ArrayList<>(merkleBranch.size());
        for (byte[] b : merkleBranch) {
            branch.add(Hex.encode(b));
        }
        return new NotifyParams(clientJobId, StratumEncoding.prevHashForNotify(previousHashInternal), Hex.encode(coinbase1),
                Hex.encode(coinbase2), branch, String.format("%08x", version), String.format("%08x", bits),
                String.format("%08x", time), cleanJobs);
    }

    @Override
    public String toString() {
        return "StratumJob[" + id + " height " + height + "]";
    }
}
