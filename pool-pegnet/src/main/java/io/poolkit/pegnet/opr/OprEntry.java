package io.poolkit.pegnet.opr;

import io.poolkit.core.bytes.Hex;
import io.poolkit.core.pow.Sha256d;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An OPR entry that passed a block's validation: the entry, its decoded record, nonce, self-reported difficulty
 * and OPR hash. Build one with {@link #validate}.
 */
public record OprEntry(FactomEntry entry, Opr opr, byte[] nonce, long selfReportedDifficulty, byte[] oprHash,
        String shortHash) {

    private static final Pattern IDENTITY = Pattern.compile("^[a-zA-Z0-9,]+$");
    private static final Pattern SHORT_HASH = Pattern.compile("^[0-9a-f]{16}$");

    /** Copies the arrays. */
    public OprEntry {
        nonce = nonce.clone();
        oprHash = oprHash.clone();
    }

    @Override
    public byte[] nonce() {
        return nonce.clone();
    }

    @Override
    public byte[] oprHash() {
        return oprHash.clone();
    }

    /** The OPR hash, {@code sha256(content)}, of any content. */
    public static byte[] oprHash(byte[] content) {
        return Sha256d.sha256(content);
    }

    /**
     * Checks an entry against the rules of the block at {@code height} (pegnet grader {@code AddOPR}): three
     * external ids, an 8-byte difficulty, the version byte of the height, content that decodes, the height, asset
     * count, non-zero prices (v1: all but PNT; v2: all but PEG; v3+: all), the winners list (v1: 10; v2: 10 or 25;
     * v3+: 25, all "" or all 16-hex, equal to {@code previousWinners} in order) and, from v2, a valid FA coinbase
     * and identity.
     */
    public static OprEntry validate(FactomEntry entry, int height, List<String> previousWinners)
            throws OprFormatException {
        List<byte[]> ext = entry.extIds();
        if (ext.size() != 3) {
            throw new OprFormatException("an OPR entry has 3 external ids, this has " + ext.size());
        }
        if (ext.get(1).length != 8) {
            throw new OprFormatException("the self-reported difficulty is 8 bytes, got " + ext.get(1).length);
        }
        int version = OprVersions.versionAt(height);
        if (ext.get(2).length != 1 || (ext.get(2)[0] & 0xFF) != version) {
            throw new OprFormatException("height " + height + " takes version " + version + " records, entry has "
                    + Hex.encode(ext.get(2)));
        }
        Opr opr = OprCodec.decode(version, entry.content());
        if (opr.height() != height) {
            throw new OprFormatException("record is for height " + opr.height() + ", block is " + height);
        }
        double[] prices = opr.prices();
        for (int i = 0; i < prices.length; i++) {
            boolean zeroAllowed = i == 0 && version <= 2;
            if (prices[i] == 0 && !zeroAllowed) {
                throw new OprFormatException("asset " + opr.assetNames().get(i) + " has price 0");
            }
        }
        List<String> winners = opr.winners();
        boolean sizeOk = version == 1 ? winners.size() == 10
                : version == 2 ? winners.size() == 10 || winners.size() == 25 : winners.size() == 25;
        if (!sizeOk) {
            throw new OprFormatException("v" + version + " record lists " + winners.size() + " winners");
        }
        boolean allEmpty = winners.stream().allMatch(String::isEmpty);
        if (!allEmpty && !winners.stream().allMatch(w -> SHORT_HASH.matcher(w).matches())) {
            throw new OprFormatException("winners must all be empty or all 16 hex digits");
        }
        if (!winners.equals(previousWinners)) {
            throw new OprFormatException("winners differ from the previous block's");
        }
        if (version >= 2) {
            if (!FactoidAddress.isValid(opr.coinbase())) {
                throw new OprFormatException("coinbase " + opr.coinbase() + " is not a valid FA address");
            }
            if (!IDENTITY.matcher(opr.minerId()).matches()) {
                throw new OprFormatException("identity '" + opr.minerId() + "' must match [a-zA-Z0-9,]+");
            }
        }
        long srd = 0;
        for (byte b : ext.get(1)) {
            srd = (srd << 8) | (b & 0xFFL);
        }
        return new OprEntry(entry, opr, ext.get(0), srd, oprHash(entry.content()), entry.shortHash());
    }
}
