package io.poolkit.hn.wire;

import io.poolkit.hn.ImmutableBytes;
import io.poolkit.hn.chain.PosBlock;
import io.poolkit.hn.chain.PosTransaction;
import io.poolkit.hn.consensus.ChainHeight;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A hypernode message (the protobuf {@code Command}): a command, at most one parameter, and lists
 * of blocks, transactions, IP entries and hashes.
 *
 * @param command      the command
 * @param param        the parameter, if any
 * @param blocks       {@code block_value}
 * @param transactions {@code tx_values}
 * @param ips          {@code ip_values} (never sent by the reference)
 * @param hashes       {@code hash_values}: transaction signatures or block hashes
 */
public record WireMessage(CommandType command, Optional<WireParam> param, List<PosBlock> blocks,
                          List<PosTransaction> transactions, List<WireIp> ips, List<ImmutableBytes> hashes) {

    public WireMessage {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(param, "param");
        blocks = List.copyOf(blocks);
        transactions = List.copyOf(transactions);
        ips = List.copyOf(ips);
        hashes = List.copyOf(hashes);
    }

    /** A command without parameter or content (ok, ping, status, getround...). */
    public static WireMessage of(CommandType command) {
        return new WireMessage(command, Optional.empty(), List.of(), List.of(), List.of(), List.of());
    }

    /** A command with a string parameter (hello, ko with its reason...). */
    public static WireMessage withText(CommandType command, String text) {
        return new WireMessage(command, Optional.of(new WireParam.Text(text)), List.of(), List.of(), List.of(), List.of());
    }

    /** A command with an int32 parameter (blockinfo, blocksync, roundblocks, getblock). */
    public static WireMessage withInt32(CommandType command, int value) {
        return new WireMessage(command, Optional.of(new WireParam.Int32(value)), List.of(), List.of(), List.of(),
                List.of());
    }

    /** A command with a chain status (height, blockinfo replies). */
    public static WireMessage withStatus(CommandType command, ChainHeight status) {
        return new WireMessage(command, Optional.of(new WireParam.Status(status)), List.of(), List.of(), List.of(),
                List.of());
    }

    /** A command carrying transactions (tx, mempool, test). */
    public static WireMessage withTransactions(CommandType command, List<PosTransaction> transactions) {
        return new WireMessage(command, Optional.empty(), List.of(), transactions, List.of(), List.of());
    }

    /** A command carrying blocks (block, blocksync and roundblocks replies). */
    public static WireMessage withBlocks(CommandType command, List<PosBlock> blocks) {
        return new WireMessage(command, Optional.empty(), blocks, List.of(), List.of(), List.of());
    }

    /** The string parameter, if that is the parameter. */
    public Optional<String> text() {
        return param.filter(WireParam.Text.class::isInstance).map(p -> ((WireParam.Text) p).value());
    }

    /** The int32 parameter, if that is the parameter. */
    public Optional<Integer> int32() {
        return param.filter(WireParam.Int32.class::isInstance).map(p -> ((WireParam.Int32) p).value());
    }

    /** The chain status parameter, if that is the parameter. */
    public Optional<ChainHeight> status() {
        return param.filter(WireParam.Status.class::isInstance).map(p -> ((WireParam.Status) p).value());
    }
}
