package io.poolkit.packetcrypt.block;

import io.poolkit.core.bytes.ByteFormatException;
import io.poolkit.core.bytes.ByteReader;
import java.util.Arrays;
import java.util.Optional;

/**
 * A PKT block as serialized on the wire: {@code header(80) || proof entities || varint(txcount) ||
 * transactions}. Keeps the header, the proof (parsed and as encoded), the transaction count and
 * the coinbase transaction, from which the commitment is read.
 */
public record SerializedBlock(byte[] header, byte[] pcpEntities, PacketCryptProof pcp, long txCount,
        byte[] coinbaseTx) {

    public SerializedBlock {
        header = header.clone();
        pcpEntities = pcpEntities.clone();
        coinbaseTx = coinbaseTx.clone();
    }

    /** Parses a serialized block; transactions after the coinbase are not read. */
    public static SerializedBlock parse(byte[] block) {
        ByteReader r = new ByteReader(block);
        byte[] header = r.readBytes(80);
        int pcpStart = r.position();
        PacketCryptProof pcp = PcpCodec.read(r);
        byte[] pcpEntities = Arrays.copyOfRange(block, pcpStart, r.position());
        long txCount = r.readVarInt();
        if (txCount < 1) {
            throw new ByteFormatException("block has no coinbase transaction");
        }
        int txStart = r.position();
        TxOutputs.read(r);
        byte[] coinbase = Arrays.copyOfRange(block, txStart, r.position());
        return new SerializedBlock(header, pcpEntities, pcp, txCount, coinbase);
    }

    @Override
    public byte[] header() {
        return header.clone();
    }

    @Override
    public byte[] pcpEntities() {
        return pcpEntities.clone();
    }

    @Override
    public byte[] coinbaseTx() {
        return coinbaseTx.clone();
    }

    /** The PacketCrypt commitment of the coinbase, if it has one. */
    public Optional<CoinbaseCommit> commit() {
        return CoinbaseCommitments.extract(coinbaseTx);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SerializedBlock b && Arrays.equals(b.header, header)
                && Arrays.equals(b.pcpEntities, pcpEntities) && b.txCount == txCount
                && Arrays.equals(b.coinbaseTx, coinbaseTx);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(header) * 31 + Arrays.hashCode(coinbaseTx);
    }

    @Override
    public String toString() {
        return "SerializedBlock[" + txCount + " transactions, proof " + pcpEntities.length + " bytes]";
    }
}
