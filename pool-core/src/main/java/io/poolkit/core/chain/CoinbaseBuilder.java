package io.poolkit.core.chain;

import io.poolkit.core.address.Address;
import io.poolkit.core.bytes.ByteWriter;
import io.poolkit.core.bytes.Hex;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builds the coinbase of a block template for stratum, split around the extranonce slot.
 *
 * <p>Layout: version; one input spending the null prevout whose script is the BIP34 height (as
 * Bitcoin Core pushes numbers: OP_1..OP_16 for small heights, else a minimal CScriptNum push), one
 * push of the extranonce slot ({@code extranonce1Size + extranonce2Size} bytes, so the script stays
 * push-only whatever the miner writes there), then the optional pool tag push; the sequence; the
 * outputs: the payout (what the template allows minus the extra outputs), the extra outputs, and
 * last the witness commitment when there is one; the lock time. The cut falls just before and just
 * after the slot: {@code coinb1} ends with the slot's push opcode.
 *
 * <p>From a template ({@link #forTemplate}), the witness commitment is the node's
 * {@code default_witness_commitment} when it sent one, else computed from the template's wtxids when
 * a transaction carries witness data; the block then carries the coinbase in witness form (with the
 * zero reserved value) when segwit is active. Not thread safe; {@link #build()} may be called
 * repeatedly.
 */
public final class CoinbaseBuilder {

    /** Coinbase scripts are 2 to 100 bytes (consensus). */
    public static final int MAX_SCRIPT_SIG = 100;

    private final long height;
    private final long value;
    private byte[] payoutScript;
    private final List<TxOutput> extraOutputs = new ArrayList<>();
    private byte[] poolTag = new byte[0];
    private int extranonce1Size = 4;
    private int extranonce2Size = 4;
    private int version = 2;
    private long sequence = 0xffffffffL;
    private long lockTime = 0;
    private byte[] witnessCommitment;
    private boolean witnessForm;

    private CoinbaseBuilder(long height, long value) {
        if (height < 0) {
            throw new IllegalArgumentException("block height cannot be negative, got " + height);
        }
        if (value < 0) {
            throw new IllegalArgumentException("coinbase value cannot be negative, got " + value);
        }
        this.height = height;
        this.value = value;
    }

    /** A coinbase for {@code template}: its height, its coinbase value and its witness commitment. */
    public static CoinbaseBuilder forTemplate(BlockTemplate template) {
        CoinbaseBuilder b = new CoinbaseBuilder(template.height(), template.coinbaseValue());
        if (template.defaultWitnessCommitment().isPresent()) {
            b.witnessCommitment = template.defaultWitnessCommitment().get();
        } else if (template.hasWitnessTransactions()) {
            b.witnessCommitment = WitnessCommitment.script(template.wtxidsInternal());
        }
        b.witnessForm = b.witnessCommitment != null && template.segwitActive();
        return b;
    }

    /** A coinbase for a block at {@code height} claiming {@code value} in total, without a witness commitment. */
    public static CoinbaseBuilder forHeight(long height, long value) {
        return new CoinbaseBuilder(height, value);
    }

    /** Pays the remainder to {@code address} (any kind: P2PKH, P2SH, P2WPKH, P2WSH, P2TR). */
    public CoinbaseBuilder payoutAddress(Address address) {
        return payoutScript(address.outputScript());
    }

    /** Pays the remainder to a raw output script. */
    public CoinbaseBuilder payoutScript(byte[] script) {
        this.payoutScript = Objects.requireNonNull(script).clone();
        return this;
    }

    /** Adds a fixed output after the payout (a fee, a donation, a masternode payee); its value is taken from the payout. */
    public CoinbaseBuilder addOutput(TxOutput output) {
        extraOutputs.add(Objects.requireNonNull(output));
        return this;
    }

    /** The pool's tag, pushed after the extranonce slot (UTF-8), for example {@code /poolkit/}. */
    public CoinbaseBuilder poolTag(String tag) {
        return poolTag(tag.getBytes(StandardCharsets.UTF_8));
    }

    public CoinbaseBuilder poolTag(byte[] tag) {
        this.poolTag = Objects.requireNonNull(tag).clone();
        return this;
    }

    /** Bytes of the per-connection extranonce1; 4 by default (1 to 16). */
    public CoinbaseBuilder extranonce1Size(int size) {
        if (size < 1 || size > 16) {
            throw new IllegalArgumentException("extranonce1 size must be 1 to 16 bytes, got " + size);
        }
        this.extranonce1Size = size;
        return this;
    }

    /** Bytes of the miner's extranonce2; 4 by default (2 to 16). */
    public CoinbaseBuilder extranonce2Size(int size) {
        if (size < 2 || size > 16) {
            throw new IllegalArgumentException("extranonce2 size must be 2 to 16 bytes, got " + size);
        }
        this.extranonce2Size = size;
        return this;
    }

    /** Transaction version; 2 by default, as Bitcoin Core's coinbase. */
    public CoinbaseBuilder version(int txVersion) {
        this.version = txVersion;
        return this;
    }

    /** The input's sequence; 0xffffffff by default. */
    public CoinbaseBuilder sequence(long txSequence) {
        TxInput.checkUint32(txSequence, "sequence");
        this.sequence = txSequence;
        return this;
    }

    /** Lock time; 0 by default. */
    public CoinbaseBuilder lockTime(long txLockTime) {
        TxInput.checkUint32(txLockTime, "lock time");
        this.lockTime = txLockTime;
        return this;
    }

    /**
     * Sets the witness commitment output script explicitly (see {@link WitnessCommitment#script}) and
     * whether the block carries the coinbase in witness form.
     */
    public CoinbaseBuilder witnessCommitment(byte[] commitmentScript, boolean carryWitness) {
        if (!WitnessCommitment.isCommitmentScript(commitmentScript)) {
            throw new IllegalArgumentException("not a witness commitment script: " + Hex.encode(commitmentScript));
        }
        this.witnessCommitment = commitmentScript.clone();
        this.witnessForm = carryWitness;
        return this;
    }

    /** The split coinbase. */
    public CoinbaseSplit build() {
        if (payoutScript == null) {
            throw new IllegalStateException("the coinbase needs a payout address (payoutAddress) or script");
        }
        long extra = 0;
        for (TxOutput out : extraOutputs) {
            extra = Math.addExact(extra, out.value());
        }
        if (extra > value) {
            throw new IllegalArgumentException("the extra coinbase outputs claim " + extra + " but the block allows "
                    + value);
        }
        byte[] heightPush = Scripts.pushNumber(height);
        int slot = extranonce1Size + extranonce2Size;
        byte[] tagPush = poolTag.length == 0 ? new byte[0] : Scripts.pushData(poolTag);
        int scriptSize = heightPush.length + 1 + slot + tagPush.length;
        if (scriptSize > MAX_SCRIPT_SIG) {
            throw new IllegalArgumentException("the coinbase script would be " + scriptSize + " bytes (height "
                    + heightPush.length + ", extranonce slot " + (1 + slot) + ", pool tag " + tagPush.length
                    + "); the limit is " + MAX_SCRIPT_SIG + ": shorten the pool tag");
        }
        ByteWriter w1 = new ByteWriter(64);
        w1.writeInt32Le(version).writeVarInt(1).writeBytes(new byte[32]).writeUint32Le(0xffffffffL)
                .writeVarInt(scriptSize).writeBytes(heightPush).writeUint8(slot);
        ByteWriter w2 = new ByteWriter(128 + payoutScript.length);
        w2.writeBytes(tagPush).writeUint32Le(sequence);
        List<TxOutput> outputs = new ArrayList<>();
        outputs.add(new TxOutput(value - extra, payoutScript));
        outputs.addAll(extraOutputs);
        if (witnessCommitment != null) {
            outputs.add(new TxOutput(0, witnessCommitment));
        }
        w2.writeVarInt(outputs.size());
        for (TxOutput out : outputs) {
            w2.writeInt64Le(out.value()).writeVarBytes(out.script());
        }
        w2.writeUint32Le(lockTime);
        return CoinbaseSplit.trusted(w1.toByteArray(), w2.toByteArray(), extranonce1Size, extranonce2Size, witnessForm);
    }
}
