package io.poolkit.core.chain;

import io.poolkit.core.bytes.Bytes;
import io.poolkit.core.pow.Sha256d;
import java.util.ArrayList;
import java.util.List;

/**
 * Bitcoin's transaction merkle tree (SHA256d of concatenated pairs, the last node of an odd level
 * paired with itself), and the stratum coinbase branch: the sibling hashes on the path of
 * transaction 0, which let a miner recompute the root from a coinbase it completed itself. All
 * hashes are 32 bytes in internal byte order.
 */
public final class MerkleTree {

    private MerkleTree() {
    }

    /** The merkle root of the given transaction hashes (internal order); at least one. */
    public static byte[] root(List<byte[]> txidsInternal) {
        if (txidsInternal.isEmpty()) {
            throw new IllegalArgumentException("a merkle tree needs at least one transaction");
        }
        List<byte[]> level = copyChecked(txidsInternal);
        while (level.size() > 1) {
            level = parentLevel(level);
        }
        return level.get(0);
    }

    /**
     * The stratum merkle branch for the coinbase: given every transaction hash after the coinbase
     * (internal order), the siblings of the coinbase's path from leaf to root. The coinbase's own hash
     * is not needed, since it is always the left node.
     */
    public static List<byte[]> coinbaseBranch(List<byte[]> nonCoinbaseTxidsInternal) {
        List<byte[]> branch = new ArrayList<>();
        // Level 0 is [coinbase, tx1, tx2, ...]; the coinbase slot is a placeholder that never gets hashed into the branch.
        List<byte[]> level = new ArrayList<>();
        level.add(null);
        level.addAll(copyChecked(nonCoinbaseTxidsInternal));
        while (level.size() > 1) {
            branch.add(level.get(1));
            List<byte[]> next = new ArrayList<>();
            next.add(null);
            for (int i = 2; i < level.size(); i += 2) {
                byte[] left = level.get(i);
                byte[] right = i + 1 < level.size() ? level.get(i + 1) : left;
                next.add(hashPair(left, right));
            }
            level = next;
        }
        return branch;
    }

    /** Folds a coinbase hash with its branch into the merkle root, as a miner does. */
    public static byte[] rootFromBranch(byte[] coinbaseHashInternal, List<byte[]> branch) {
        byte[] node = check(coinbaseHashInternal);
        for (byte[] sibling : branch) {
            node = hashPair(node, check(sibling));
        }
        return node;
    }

    /** SHA256d(left || right). */
    public static byte[] hashPair(byte[] left, byte[] right) {
        return Sha256d.hash(Bytes.concat(left, right));
    }

    private static List<byte[]> parentLevel(List<byte[]> level) {
        List<byte[]> next = new ArrayList<>((level.size() + 1) / 2);
        for (int i = 0; i < level.size(); i += 2) {
            byte[] left = level.get(i);
            byte[] right = i + 1 < level.size() ? level.get(i + 1) : left;
            next.add(hashPair(left, right));
        }
        return next;
    }

    private static List<byte[]> copyChecked(List<byte[]> hashes) {
        List<byte[]> out = new ArrayList<>(hashes.size());
        for (byte[] h : hashes) {
            out.add(check(h));
        }
        return out;
    }

    private static byte[] check(byte[] hash) {
        if (hash.length != 32) {
            throw new IllegalArgumentException("merkle nodes are 32 bytes, got " + hash.length);
        }
        return hash;
    }
}
