package io.poolkit.core.chain;

import io.poolkit.core.bytes.Bytes;
import io.poolkit.core.pow.Sha256d;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The BIP141 witness commitment: the merkle root of the wtxids (the coinbase's taken as 32 zero
 * bytes), hashed with the coinbase's 32-byte witness reserved value, in an OP_RETURN output
 * {@code 6a24aa21a9ed} followed by the 32-byte commitment.
 */
public final class WitnessCommitment {

    /** OP_RETURN, push 36, then the commitment header aa21a9ed. */
    private static final byte[] SCRIPT_PREFIX = {0x6a, 0x24, (byte) 0xaa, 0x21, (byte) 0xa9, (byte) 0xed};
    /** Length of the commitment output script. */
    public static final int SCRIPT_SIZE = SCRIPT_PREFIX.length + 32;

    private WitnessCommitment() {
    }

    /** The 32-byte witness reserved value poolkit puts in every segwit coinbase: all zero. */
    public static byte[] reservedValue() {
        return new byte[32];
    }

    /**
     * The commitment output script for a block whose non-coinbase transactions have these wtxids
     * (internal order, block order), with the zero reserved value.
     */
    public static byte[] script(List<byte[]> nonCoinbaseWtxidsInternal) {
        List<byte[]> leaves = new ArrayList<>(nonCoinbaseWtxidsInternal.size() + 1);
        leaves.add(new byte[32]);
        leaves.addAll(nonCoinbaseWtxidsInternal);
        byte[] witnessRoot = MerkleTree.root(leaves);
        byte[] commitment = Sha256d.hash(Bytes.concat(witnessRoot, reservedValue()));
        return Bytes.concat(SCRIPT_PREFIX, commitment);
    }

    /** True if {@code script} has the shape of a witness commitment output script. */
    public static boolean isCommitmentScript(byte[] script) {
        return script.length >= SCRIPT_SIZE && Arrays.equals(script, 0, SCRIPT_PREFIX.length, SCRIPT_PREFIX, 0,
                SCRIPT_PREFIX.length);
    }
}
