package io.poolkit.packetcrypt.pool;

import io.poolkit.core.bytes.ByteReader;
import io.poolkit.core.bytes.ByteWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The pool Master's {@code work_<height>.bin}: the 80-byte header of the block template, the
 * 32-byte signing key for that height (zeros for none), the share and announcement targets, the
 * height, the length-prefixed coinbase without witness and the coinbase merkle branch (32 bytes
 * each). Integers are little-endian 32-bit.
 */
public record WorkFile(byte[] header, byte[] signingKey, int shareTarget, int annTarget, int height,
        byte[] coinbaseNoWitness, List<byte[]> merkleBranch) {

    public WorkFile {
        if (header.length != 80 || signingKey.length != 32) {
            throw new IllegalArgumentException("a work file has an 80-byte header and a 32-byte signing key");
        }
        header = header.clone();
        signingKey = signingKey.clone();
        coinbaseNoWitness = coinbaseNoWitness.clone();
        merkleBranch = merkleBranch.stream().map(byte[]::clone).toList();
    }

    public static WorkFile parse(byte[] bytes) {
        ByteReader r = new ByteReader(bytes);
        byte[] header = r.readBytes(80);
        byte[] key = r.readBytes(32);
        int share = r.readInt32Le();
        int ann = r.readInt32Le();
        int height = r.readInt32Le();
        int length = r.readInt32Le();
        if (length < 0 || length > r.remaining()) {
            throw new IllegalArgumentException("work file coinbase length " + length + " exceeds the file");
        }
        byte[] coinbase = r.readBytes(length);
        if (r.remaining() % 32 != 0) {
            throw new IllegalArgumentException("work file merkle branch is not a whole number of hashes");
        }
        List<byte[]> branch = new ArrayList<>();
        while (r.hasRemaining()) {
            branch.add(r.readBytes(32));
        }
        return new WorkFile(header, key, share, ann, height, coinbase, branch);
    }

    public byte[] encode() {
        ByteWriter w = new ByteWriter();
        w.writeBytes(header).writeBytes(signingKey).writeInt32Le(shareTarget).writeInt32Le(annTarget)
                .writeInt32Le(height).writeInt32Le(coinbaseNoWitness.length).writeBytes(coinbaseNoWitness);
        merkleBranch.forEach(w::writeBytes);
        return w.toByteArray();
    }

    @Override
    public byte[] header() {
        return header.clone();
    }

    @Override
    public byte[] signingKey() {
        return signingKey.clone();
    }

    @Override
    public byte[] coinbaseNoWitness() {
        return coinbaseNoWitness.clone();
    }

    @Override
    public List<byte[]> merkleBranch() {
        return merkleBranch.stream().map(byte[]::clone).toList();
    }
}
