package io.poolkit.packetcrypt.block;

import io.poolkit.core.bytes.LittleEndian;
import io.poolkit.packetcrypt.ann.AnnCode;
import io.poolkit.packetcrypt.ann.AnnValidator;
import io.poolkit.packetcrypt.ann.Announcement;
import io.poolkit.packetcrypt.difficulty.PcDifficulty;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Validates a block's or a share's PacketCrypt proof under PacketCrypt version 2 rules (PCP
 * version 2, the chain since height 122622), returning the reference C validator's result codes
 * in its order of checks: the commitment (BAD_COINBASE), the work hash against the effective
 * block and share targets (computed first, reported last as OK, SHARE_OK or INSUF_POW), each
 * announcement (ANN_INVALID, ANN_INSUF_POW for an aged target above the commitment's, and
 * ANN_SIG_INVALID), then the announcement proof (PCP_INVAL, PCP_MISMATCH).
 *
 * <p>Beyond the C validator, which leaves them to the node: the PCP version gates, the canonical
 * encoding of the proof (in {@link #validateEncoded}), and ed25519 signatures of signed
 * announcements whenever the proof carries its signatures entity, as pktd checks them. A share
 * as miners send it to a pool has no signatures entity (the pool signs), so it is not asked for
 * one. Thread safe.
 */
public final class BlockValidator {

    /** The first height at which PCP version 2 is allowed. */
    public static final long FIRST_PCP_V2_HEIGHT = 113949;
    private static final int PC_VERSION = 2;

    private final AnnValidator annValidator;
    private final ThreadLocal<BlockPow> pow = ThreadLocal.withInitial(BlockPow::new);

    public BlockValidator() {
        this(new AnnValidator());
    }

    public BlockValidator(AnnValidator annValidator) {
        this.annValidator = annValidator;
    }

    /**
     * Validates encoded proof entities (as they follow the header in a block, end entity
     * included); a proof that does not parse or is not canonical gives {@link BlockCode#PCP_INVAL}.
     */
    public BlockResult validateEncoded(byte[] header80, byte[] pcpEntities, CoinbaseCommit commit, long blockHeight,
            int shareTarget, List<byte[]> annParentHashesInternal) {
        PacketCryptProof pcp;
        try {
            pcp = PcpCodec.parse(pcpEntities);
        } catch (PcpFormatException e) {
            return new BlockResult(BlockCode.PCP_INVAL, -1, Optional.empty(), e.getMessage());
        }
        return validate(header80, pcp, commit, blockHeight, shareTarget, annParentHashesInternal);
    }

    /**
     * Validates a proof for the 80-byte header at {@code blockHeight}. {@code shareTarget} is a
     * compact target, 0 for none; {@code annParentHashesInternal} are the four announcements'
     * parent block hashes (32 bytes each, internal byte order).
     */
    public BlockResult validate(byte[] header80, PacketCryptProof pcp, CoinbaseCommit commit, long blockHeight,
            int shareTarget, List<byte[]> annParentHashesInternal) {
        if (header80.length != 80) {
            throw new IllegalArgumentException("a block header is 80 bytes, got " + header80.length);
        }
        if (annParentHashesInternal.size() != PacketCryptProof.NUM_ANNS) {
            throw new IllegalArgumentException("need 4 announcement parent hashes, got " + annParentHashesInternal.size());
        }
        for (byte[] h : annParentHashesInternal) {
            if (h.length != 32) {
                throw new IllegalArgumentException("a parent block hash is 32 bytes, got " + h.length);
            }
        }
        if (blockHeight < 0 || blockHeight > 0xffffffffL) {
            throw new IllegalArgumentException("block height out of range: " + blockHeight);
        }
        if (pcp.version() < PC_VERSION) {
            return fail(BlockCode.PCP_INVAL, "PCP version " + pcp.version()
                    + " is not supported: only version 2, the chain's since height 122622");
        }
        if (blockHeight < FIRST_PCP_V2_HEIGHT) {
            return fail(BlockCode.PCP_INVAL, "PCP version 2 is not allowed below height " + FIRST_PCP_V2_HEIGHT);
        }
        if (pcp.contentProof().isPresent()) {
            return fail(BlockCode.PCP_INVAL, "PCP version 2 carries no content proofs");
        }
        if (!commit.hasMagic()) {
            return fail(BlockCode.BAD_COINBASE, String.format("commitment magic %08x is not 0211f909", commit.magic()));
        }
        if (!PcDifficulty.isMinAnnDiffOk(commit.annLeastWorkTarget(), PC_VERSION)) {
            return fail(BlockCode.BAD_COINBASE, String.format("committed announcement target %08x is unusable",
                    commit.annLeastWorkTarget()));
        }

        byte[] work = new byte[32];
        long[] itemNumbers = new long[PacketCryptProof.NUM_ANNS];
        pow.get().compute(header80, pcp, work, itemNumbers);
        Optional<byte[]> powHash = Optional.of(work);
        int bits = LittleEndian.readInt32(header80, 72);
        BlockCode powCode;
        if (PcDifficulty.meets(work, PcDifficulty.effectiveTarget(bits, commit.annLeastWorkTarget(),
                commit.annCount(), PC_VERSION))) {
            powCode = BlockCode.OK;
        } else if (shareTarget != 0 && PcDifficulty.meets(work, PcDifficulty.effectiveTarget(shareTarget,
                commit.annLeastWorkTarget(), commit.annCount(), PC_VERSION))) {
            powCode = BlockCode.SHARE_OK;
        } else {
            powCode = BlockCode.INSUF_POW;
        }

        byte[][] annHashes = new byte[PacketCryptProof.NUM_ANNS][];
        List<Optional<byte[]>> signatures = pcp.signatures();
        for (int i = 0; i < PacketCryptProof.NUM_ANNS; i++) {
            Announcement ann = pcp.announcements().get(i);
            byte[] annBytes = ann.bytes();
            AnnCode annCode = annValidator.validate(annBytes, 0, annParentHashesInternal.get(i), null);
            if (annCode != AnnCode.OK) {
                return new BlockResult(BlockCode.ANN_INVALID, i, powHash, "announcement " + i + ": " + annCode);
            }
            int aged = blockHeight < PcDifficulty.ANN_WAIT_PERIOD ? ann.workBits()
                    : PcDifficulty.agedAnnTarget(ann.workBits(), blockHeight - ann.parentHeight(), PC_VERSION);
            if (Integer.compareUnsigned(aged, commit.annLeastWorkTarget()) > 0) {
                return new BlockResult(BlockCode.ANN_INSUF_POW, i, powHash, String.format(
                        "announcement %d aged target %08x is above the committed %08x", i, aged,
                        commit.annLeastWorkTarget()));
            }
            if (pcp.hasSignatures() && ann.hasSigningKey()) {
                byte[] sig = signatures.get(i).orElse(new byte[0]);
                if (sig.length != PcpCodec.SIGNATURE_SIZE
                        || !Ed25519.verify(sig, 0, ann.signingKey(), 0, annBytes, 0, annBytes.length)) {
                    return new BlockResult(BlockCode.ANN_SIG_INVALID, i, powHash,
                            "announcement " + i + " signature does not verify");
                }
            }
            annHashes[i] = ann.hash();
        }

        byte[] pcpHash;
        try {
            pcpHash = ProofTree.pcpHash(annHashes, commit.annCount(), itemNumbers, pcp.annProof());
        } catch (ProofTree.InvalidProofException e) {
            return new BlockResult(BlockCode.PCP_INVAL, -1, powHash, e.getMessage());
        }
        if (!java.util.Arrays.equals(pcpHash, commit.pcpRoot())) {
            return new BlockResult(BlockCode.PCP_MISMATCH, -1, powHash,
                    "the announcement proof does not lead to the committed root");
        }
        return new BlockResult(powCode, -1, powHash, "");
    }

    private static BlockResult fail(BlockCode code, String detail) {
        return new BlockResult(code, -1, Optional.empty(), detail);
    }
}
