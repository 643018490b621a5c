package io.poolkit.core.chain;

import io.poolkit.core.bytes.ByteFormatException;
import io.poolkit.core.bytes.ByteReader;
import io.poolkit.core.bytes.ByteWriter;
import io.poolkit.core.bytes.Bytes;
import io.poolkit.core.bytes.Hex;
import io.poolkit.core.pow.Sha256d;
import java.util.ArrayList;
import java.util.List;

/**
 * A Bitcoin transaction in its two serializations: the legacy one (whose SHA256d is the txid, and
 * which stratum miners hash for the coinbase) and the BIP144 witness one (marker 0x00, flag 0x01,
 * witness stacks before the lock time; its SHA256d is the wtxid). Immutable.
 *
 * @param version  signed 32-bit
 * @param inputs   at least one
 * @param outputs  any number
 * @param lockTime unsigned 32-bit
 */
public record Transaction(int version, List<TxInput> inputs, List<TxOutput> outputs, long lockTime) {

    public Transaction {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("a transaction needs at least one input");
        }
        TxInput.checkUint32(lockTime, "lock time");
    }

    /** Parses one whole transaction, either serialization; trailing bytes are an error. */
    public static Transaction parse(byte[] bytes) {
        ByteReader r = new ByteReader(bytes);
        Transaction tx = read(r);
        r.expectEnd("transaction");
        return tx;
    }

    public static Transaction parseHex(String hex) {
        return parse(Hex.decode(hex.strip()));
    }

    /** Reads one transaction at the reader's position (as inside a block). */
    public static Transaction read(ByteReader r) {
        int version = r.readInt32Le();
        boolean witness = false;
        int inputCount = count(r, "input", 41);
        if (inputCount == 0) {
            int flag = r.readUint8();
            if (flag != 1) {
                throw new ByteFormatException("transaction has no inputs and segwit flag " + flag + " (expected 1) at offset "
                        + (r.position() - 1));
            }
            witness = true;
            inputCount = count(r, "input", 41);
            if (inputCount == 0) {
                throw new ByteFormatException("a witness transaction has no inputs");
            }
        }
        List<byte[]> prevTxids = new ArrayList<>(inputCount);
        long[] prevIndexes = new long[inputCount];
        List<byte[]> scripts = new ArrayList<>(inputCount);
        long[] sequences = new long[inputCount];
        for (int i = 0; i < inputCount; i++) {
            prevTxids.add(r.readBytes(32));
            prevIndexes[i] = r.readUint32Le();
            scripts.add(r.readVarBytes());
            sequences[i] = r.readUint32Le();
        }
        int outputCount = count(r, "output", 9);
        List<TxOutput> outputs = new ArrayList<>(outputCount);
        for (int i = 0; i < outputCount; i++) {
            long value = r.readInt64Le();
            if (value < 0) {
                throw new ByteFormatException("output " + i + " has a negative value");
            }
            outputs.add(new TxOutput(value, r.readVarBytes()));
        }
        List<List<byte[]>> witnesses = new ArrayList<>(inputCount);
        boolean anyWitness = false;
        for (int i = 0; i < inputCount; i++) {
            List<byte[]> stack = new ArrayList<>();
            if (witness) {
                int items = count(r, "witness item", 1);
                for (int k = 0; k < items; k++) {
                    stack.add(r.readVarBytes());
                }
                anyWitness |= items > 0;
            }
            witnesses.add(stack);
        }
        if (witness && !anyWitness) {
            throw new ByteFormatException("a transaction in witness serialization carries no witness data");
        }
        long lockTime = r.readUint32Le();
        List<TxInput> inputs = new ArrayList<>(inputCount);
        for (int i = 0; i < inputCount; i++) {
            inputs.add(new TxInput(prevTxids.get(i), prevIndexes[i], scripts.get(i), sequences[i], witnesses.get(i)));
        }
        return new Transaction(version, inputs, outputs, lockTime);
    }

    /** True if any input carries witness data. */
    public boolean hasWitness() {
        for (TxInput in : inputs) {
            if (!in.witness().isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** True for a coinbase: one input spending the null prevout. */
    public boolean isCoinbase() {
        return inputs.size() == 1 && inputs.get(0).isCoinbasePrevout();
    }

    /** The legacy serialization (no witness), whose SHA256d is the txid. */
    public byte[] serializeWithoutWitness() {
        return write(false);
    }

    /** The witness serialization if any input has witness data, else the legacy one. */
    public byte[] serialize() {
        return write(hasWitness());
    }

    /** SHA256d of the legacy serialization, internal byte order. */
    public byte[] txidInternal() {
        return Sha256d.hash(serializeWithoutWitness());
    }

    /** The txid as explorers and RPC show it. */
    public String txidDisplayHex() {
        return Hex.encode(Bytes.reversed(txidInternal()));
    }

    /** SHA256d of the witness serialization (equal to the txid without witness data), internal order. */
    public byte[] wtxidInternal() {
        return Sha256d.hash(serialize());
    }

    /** The sum of the output values. */
    public long outputTotal() {
        long total = 0;
        for (TxOutput out : outputs) {
            total = Math.addExact(total, out.value());
        }
        return total;
    }

    private byte[] write(boolean withWitness) {
        ByteWriter w = new ByteWriter(256);
        w.writeInt32Le(version);
        if (withWitness) {
            w.writeUint8(0).writeUint8(1);
        }
        w.writeVarInt(inputs.size());
        for (TxInput in : inputs) {
            w.writeBytes(in.prevTxidInternal()).writeUint32Le(in.prevIndex()).writeVarBytes(in.scriptSig())
                    .writeUint32Le(in.sequence());
        }
        w.writeVarInt(outputs.size());
        for (TxOutput out : outputs) {
            w.writeInt64Le(out.value()).writeVarBytes(out.script());
        }
        if (withWitness) {
            for (TxInput in : inputs) {
                List<byte[]> stack = in.witness();
                w.writeVarInt(stack.size());
                for (byte[] item : stack) {
                    w.writeVarBytes(item);
                }
            }
        }
        return w.writeUint32Le(lockTime).toByteArray();
    }

    /** A count that cannot exceed what the remaining bytes could hold (each element takes at least {@code minSize}). */
    private static int count(ByteReader r, String what, int minSize) {
        int at = r.position();
        long n = r.readVarInt();
        if (n < 0 || n > r.remaining() / minSize) {
            throw new ByteFormatException(what + " count " + Long.toUnsignedString(n) + " at offset " + at
                    + " cannot fit the " + r.remaining() + " bytes left");
        }
        return (int) n;
    }
}
