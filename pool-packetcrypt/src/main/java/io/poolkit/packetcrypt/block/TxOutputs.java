package io.poolkit.packetcrypt.block;

import io.poolkit.core.bytes.ByteFormatException;
import io.poolkit.core.bytes.ByteReader;
import java.util.ArrayList;
import java.util.List;

/** Reads one serialized transaction (legacy or segwit) far enough to list its output scripts. */
final class TxOutputs {

    private static final int MAX_COUNT = 100_000;

    private TxOutputs() {
    }

    /** Consumes a whole transaction from {@code r} and returns its output scripts in order. */
    static List<byte[]> read(ByteReader r) {
        r.readInt32Le();
        int inputs = count(r, "input");
        boolean witness = false;
        if (inputs == 0) {
            int flag = r.readUint8();
            if (flag != 1) {
                throw new ByteFormatException("transaction has an empty input list and segwit flag " + flag);
            }
            witness = true;
            inputs = count(r, "input");
        }
        for (int i = 0; i < inputs; i++) {
            r.readBytes(36);
            r.readVarBytes();
            r.readInt32Le();
        }
        int outputs = count(r, "output");
        List<byte[]> scripts = new ArrayList<>(outputs);
        for (int i = 0; i < outputs; i++) {
            r.readInt64Le();
            scripts.add(r.readVarBytes());
        }
        if (witness) {
            for (int i = 0; i < inputs; i++) {
                int items = count(r, "witness item");
                for (int j = 0; j < items; j++) {
                    r.readVarBytes();
                }
            }
        }
        r.readInt32Le();
        return scripts;
    }

    private static int count(ByteReader r, String what) {
        long n = r.readVarInt();
        if (Long.compareUnsigned(n, MAX_COUNT) > 0) {
            throw new ByteFormatException("implausible " + what + " count " + Long.toUnsignedString(n));
        }
        return (int) n;
    }
}
