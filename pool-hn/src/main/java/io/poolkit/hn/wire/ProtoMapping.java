package io.poolkit.hn.wire;

import com.google.protobuf.ByteString;
import io.poolkit.hn.ImmutableBytes;
import io.poolkit.hn.chain.PosBlock;
import io.poolkit.hn.chain.PosTransaction;
import io.poolkit.hn.consensus.ChainHeight;
import io.poolkit.hn.wire.proto.Block;
import io.poolkit.hn.wire.proto.Command;
import io.poolkit.hn.wire.proto.Height;
import io.poolkit.hn.wire.proto.IP;
import io.poolkit.hn.wire.proto.TX;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Between the typed messages and the generated protobuf classes. Encoding assigns every field of
 * transactions, blocks and statuses, as the hypernode code always does, so that proto2 emits them
 * all (an empty {@code params} is sent as {@code 42 00}).
 */
final class ProtoMapping {

    private ProtoMapping() {
    }

    static Command toProto(WireMessage m) {
        Command.Builder b = Command.newBuilder().setCommand(Command.Type.forNumber(m.command().number()));
        m.param().ifPresent(p -> {
            if (p instanceof WireParam.Text t) {
                b.setStringValue(t.value());
            } else if (p instanceof WireParam.Int32 i) {
                b.setInt32Value(i.value());
            } else if (p instanceof WireParam.Status s) {
                b.setHeightValue(toProto(s.value()));
            }
        });
        m.blocks().forEach(block -> b.addBlockValue(toProto(block)));
        m.transactions().forEach(tx -> b.addTxValues(toProto(tx)));
        m.ips().forEach(ip -> b.addIpValues(toProto(ip)));
        m.hashes().forEach(h -> b.addHashValues(bytes(h)));
        return b.build();
    }

    static WireMessage fromProto(Command c) {
        Optional<WireParam> param = switch (c.getParamCase()) {
            case STRING_VALUE -> Optional.of(new WireParam.Text(c.getStringValue()));
            case INT32_VALUE -> Optional.of(new WireParam.Int32(c.getInt32Value()));
            case HEIGHT_VALUE -> Optional.of(new WireParam.Status(fromProto(c.getHeightValue())));
            case PARAM_NOT_SET -> Optional.empty();
        };
        List<PosBlock> blocks = new ArrayList<>(c.getBlockValueCount());
        c.getBlockValueList().forEach(block -> blocks.add(fromProto(block)));
        List<PosTransaction> txs = new ArrayList<>(c.getTxValuesCount());
        c.getTxValuesList().forEach(tx -> txs.add(fromProto(tx)));
        List<WireIp> ips = new ArrayList<>(c.getIpValuesCount());
        c.getIpValuesList().forEach(ip -> ips.add(fromProto(ip)));
        List<ImmutableBytes> hashes = new ArrayList<>(c.getHashValuesCount());
        c.getHashValuesList().forEach(h -> hashes.add(ImmutableBytes.of(h.toByteArray())));
        return new WireMessage(CommandType.of(c.getCommand().getNumber()), param, blocks, txs, ips, hashes);
    }

    static TX toProto(PosTransaction tx) {
        return TX.newBuilder()
                .setTxid(bytes(tx.txid()))
                .setBlockHeight((int) tx.blockHeight())
                .setTimestamp((int) tx.timestamp())
                .setSender(tx.sender())
                .setRecipient(tx.recipient())
                .setWhat((int) tx.what())
                .setValue((int) tx.value())
                .setParams(tx.params())
                .setPubkey(bytes(tx.publicKey()))
                .build();
    }

    static PosTransaction fromProto(TX tx) {
        return new PosTransaction(ImmutableBytes.of(tx.getTxid().toByteArray()), u32(tx.getBlockHeight()),
                u32(tx.getTimestamp()), tx.getSender(), tx.getRecipient(), u32(tx.getWhat()), tx.getParams(),
                u32(tx.getValue()), ImmutableBytes.of(tx.getPubkey().toByteArray()));
    }

    static Block toProto(PosBlock block) {
        Block.Builder b = Block.newBuilder()
                .setHeight((int) block.height())
                .setRound((int) block.round())
                .setSir((int) block.sir())
                .setTs((int) block.timestamp())
                .setPreviousHash(bytes(block.previousHash()));
        block.transactions().forEach(tx -> b.addTxs(toProto(tx)));
        return b.setMsgCount((int) block.msgCount())
                .setSources((int) block.uniquesSources())
                .setSignature(bytes(block.signature()))
                .setBlockHash(bytes(block.blockHash()))
                .setForger(block.forger())
                .build();
    }

    static PosBlock fromProto(Block b) {
        List<PosTransaction> txs = new ArrayList<>(b.getTxsCount());
        b.getTxsList().forEach(tx -> txs.add(fromProto(tx)));
        return new PosBlock(u32(b.getHeight()), u32(b.getRound()), u32(b.getSir()), u32(b.getTs()),
                ImmutableBytes.of(b.getPreviousHash().toByteArray()), txs, u32(b.getMsgCount()), u32(b.getSources()),
                ImmutableBytes.of(b.getSignature().toByteArray()), ImmutableBytes.of(b.getBlockHash().toByteArray()),
                b.getForger());
    }

    static Height toProto(ChainHeight h) {
        return Height.newBuilder()
                .setHeight(checkedU32(h.height(), "height"))
                .setRound(checkedU32(h.round(), "round"))
                .setSir(checkedU32(h.sir(), "sir"))
                .setBlockHash(bytes(h.blockHash()))
                .setUniques(checkedU32(h.uniques(), "uniques"))
                .setUniquesRound(checkedU32(h.uniquesRound(), "uniques_round"))
                .setForgers(checkedU32(h.forgers(), "forgers"))
                .setForgersRound(checkedU32(h.forgersRound(), "forgers_round"))
                .build();
    }

    static ChainHeight fromProto(Height h) {
        return new ChainHeight(u32(h.getHeight()), u32(h.getRound()), u32(h.getSir()),
                ImmutableBytes.of(h.getBlockHash().toByteArray()), u32(h.getUniques()), u32(h.getUniquesRound()),
                u32(h.getForgers()), u32(h.getForgersRound()));
    }

    static IP toProto(WireIp ip) {
        IP.Builder b = IP.newBuilder().setIpv4(checkedU32(ip.ipv4(), "ipv4"));
        ip.ipv6a().ifPresent(b::setIpv6A);
        ip.ipv6b().ifPresent(b::setIpv6B);
        ip.port().ifPresent(p -> b.setPort(checkedU32(p, "port")));
        return b.build();
    }

    static WireIp fromProto(IP ip) {
        return new WireIp(u32(ip.getIpv4()),
                ip.hasIpv6A() ? OptionalLong.of(ip.getIpv6A()) : OptionalLong.empty(),
                ip.hasIpv6B() ? OptionalLong.of(ip.getIpv6B()) : OptionalLong.empty(),
                ip.hasPort() ? OptionalLong.of(u32(ip.getPort())) : OptionalLong.empty());
    }

    private static ByteString bytes(ImmutableBytes b) {
        return ByteString.copyFrom(b.toByteArray());
    }

    private static long u32(int wire) {
        return Integer.toUnsignedLong(wire);
    }

    private static int checkedU32(long value, String what) {
        if (value < 0 || value > 0xffffffffL) {
            throw new IllegalArgumentException(what + " must fit an unsigned 32-bit field, got " + value);
        }
        return (int) value;
    }
}
