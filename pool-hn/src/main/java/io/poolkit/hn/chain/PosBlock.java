package io.poolkit.hn.chain;

import io.poolkit.core.bytes.ByteWriter;
import io.poolkit.hn.ImmutableBytes;
import io.poolkit.hn.crypto.Blake2b;
import io.poolkit.hn.crypto.HnSignatures;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A PoS block. Its signed and hashed bytes are
 * {@code height(4, BE) || round(4, BE) || sir(4, BE) || timestamp(4, BE) || txid_1 || ... || txid_n || previous_hash};
 * the block hash is the 20-byte BLAKE2b of them and the forger signs them (ECDSA over SHA-1). The
 * hash covers the transactions only through their ids, which are their signatures.
 *
 * @param height         block height, genesis is 0
 * @param round          round of the slot it was forged in
 * @param sir            slot in round, 0 to 18
 * @param timestamp      unix seconds
 * @param previousHash   20-byte hash of the previous block
 * @param transactions   the transactions, in block order
 * @param msgCount       number of transactions, as announced
 * @param uniquesSources number of distinct senders, as announced
 * @param signature      the forger's 64-byte signature of {@link #raw()}
 * @param blockHash      the 20-byte block hash, as announced
 * @param forger         PoS address of the forger
 */
public record PosBlock(long height, long round, long sir, long timestamp, ImmutableBytes previousHash,
                       List<PosTransaction> transactions, long msgCount, long uniquesSources, ImmutableBytes signature,
                       ImmutableBytes blockHash, String forger) {

    /** Length of block hashes. */
    public static final int HASH_BYTES = 20;
    /** Most transactions a forger puts in a block (beta99). */
    public static final int MAX_TXS_PER_BLOCK = 3000;

    public PosBlock {
        Uint32.check(height, "height");
        Uint32.check(round, "round");
        Uint32.check(sir, "sir");
        Uint32.check(timestamp, "timestamp");
        Uint32.check(msgCount, "msg_count");
        Uint32.check(uniquesSources, "uniques_sources");
        Objects.requireNonNull(previousHash, "previousHash");
        Objects.requireNonNull(signature, "signature");
        Objects.requireNonNull(blockHash, "blockHash");
        Objects.requireNonNull(forger, "forger");
        transactions = List.copyOf(transactions);
    }

    /** The signed and hashed bytes of a block with these fields and transaction ids. */
    public static byte[] raw(long height, long round, long sir, long timestamp, List<ImmutableBytes> txids,
                             ImmutableBytes previousHash) {
        ByteWriter w = new ByteWriter(16 + 64 * txids.size() + previousHash.length())
                .writeInt32Be((int) Uint32.check(height, "height"))
                .writeInt32Be((int) Uint32.check(round, "round"))
                .writeInt32Be((int) Uint32.check(sir, "sir"))
                .writeInt32Be((int) Uint32.check(timestamp, "timestamp"));
        for (ImmutableBytes txid : txids) {
            w.writeBytes(txid.toByteArray());
        }
        return w.writeBytes(previousHash.toByteArray()).toByteArray();
    }

    /**
     * Forges a block as the reference does: the transactions are stable-sorted by timestamp and
     * given this height, counts are filled in, and the block is hashed and signed (with a
     * deterministic nonce; the reference uses a random one, and both verify alike).
     */
    public static PosBlock forge(long height, long round, long sir, long timestamp, ImmutableBytes previousHash,
                                 List<PosTransaction> transactions, String forger, byte[] forgerPrivateKey) {
        List<PosTransaction> ordered = new ArrayList<>(transactions);
        ordered.sort(Comparator.comparingLong(PosTransaction::timestamp));
        ordered.replaceAll(tx -> tx.inBlock(height));
        byte[] raw = raw(height, round, sir, timestamp, ordered.stream().map(PosTransaction::txid).toList(), previousHash);
        return new PosBlock(height, round, sir, timestamp, previousHash, ordered, ordered.size(),
                distinctSenders(ordered).size(), ImmutableBytes.of(HnSignatures.sign(forgerPrivateKey, raw)),
                ImmutableBytes.of(Blake2b.hash20(raw)), forger);
    }

    /** The signed and hashed bytes of this block. */
    public byte[] raw() {
        return raw(height, round, sir, timestamp, transactions.stream().map(PosTransaction::txid).toList(), previousHash);
    }

    /** The 20-byte BLAKE2b of {@link #raw()}. */
    public ImmutableBytes computeHash() {
        return ImmutableBytes.of(Blake2b.hash20(raw()));
    }

    /** True if the announced hash is the hash of the block. */
    public boolean hashIsValid() {
        return blockHash.equals(computeHash());
    }

    /** True if the signature is the forger's, given the forger's 64-byte public key. */
    public boolean signatureIsValid(byte[] forgerPublicKey) {
        return HnSignatures.verify(forgerPublicKey, raw(), signature.toByteArray());
    }

    /** The distinct senders of the transactions, in first-seen order. */
    public Set<String> senders() {
        return distinctSenders(transactions);
    }

    /**
     * The checks a node runs before adding a received block on top of {@code tip} (beta99), first
     * failure only: the next height, the tip's hash as previous hash, {@code msg_count} equal to the
     * number of transactions, and a forger that is a registered hypernode. Like the reference, it
     * does not re-check the hash or the signature. Empty means acceptable.
     */
    public Optional<String> digestProblem(PosBlock tip, Set<String> registeredPosAddresses) {
        if (height != tip.height() + 1) {
            return Optional.of("block height " + height + " does not follow our height " + tip.height());
        }
        if (!previousHash.equals(tip.blockHash())) {
            return Optional.of("previous hash " + previousHash.hex() + " is not our tip " + tip.blockHash().hex());
        }
        if (msgCount != transactions.size()) {
            return Optional.of("msg_count " + msgCount + " but " + transactions.size() + " transactions");
        }
        if (!registeredPosAddresses.contains(forger)) {
            return Optional.of("forger " + forger + " is not a registered hypernode");
        }
        return Optional.empty();
    }

    private static Set<String> distinctSenders(List<PosTransaction> transactions) {
        Set<String> senders = new LinkedHashSet<>();
        for (PosTransaction tx : transactions) {
            senders.add(tx.sender());
        }
        return senders;
    }
}
