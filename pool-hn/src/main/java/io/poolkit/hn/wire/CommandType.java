package io.poolkit.hn.wire;

/** The command of a message, with its wire number. */
public enum CommandType {
    /** Greeting: string {@code posnet || port(5) || address}. */
    HELLO(0),
    /** Accepted (void, or a string). */
    OK(1),
    /** Refused, with the reason as string. */
    KO(2),
    /** Keep-alive, no reply. */
    PING(3),
    /** Declared, unused. */
    PEERS(4),
    /** Status request; the reply is JSON as string. */
    STATUS(5),
    /** A forged block (block_value), sent without hello to every registered peer. */
    BLOCK(6),
    /** A transaction (tx_values); the reply is ok or ko. */
    TX(7),
    /** Mempool exchange (tx_values). */
    MEMPOOL(8),
    /** Update order with a URL, from allowed addresses only. */
    UPDATE(9),
    /** Chain status exchange (height_value). */
    HEIGHT(10),
    /** Status of the block at a height: int32 in, height_value out. */
    BLOCKINFO(11),
    /** Blocks from a height: int32 in, block_value out. */
    BLOCKSYNC(12),
    /** Blocks of a round: int32 in, block_value out. */
    ROUNDBLOCKS(13),
    /** One block: int32 in, block_value out. */
    GETBLOCK(14),
    /** Transactions of an address: string in. */
    GETADDTXS(15),
    /** One transaction by txid hex: string in, tx_values out. */
    GETTX(16),
    /** Latest block headers: string in. */
    GETHEADERS(17),
    /** The round's schedule as JSON: start, previous, connect_to, slots, test_slots. */
    GETROUND(18),
    /** The hypernode list as JSON, from allowed addresses only. */
    GETHYPERNODES(19),
    /** A test (tx_values with one unsigned transaction), echoed back by the tested node. */
    TEST(20),
    /** Heights as JSON. */
    GETHEIGHTS(21);

    private final int number;

    CommandType(int number) {
        this.number = number;
    }

    /** The number on the wire. */
    public int number() {
        return number;
    }

    /** The command with wire number {@code number}. */
    public static CommandType of(int number) {
        for (CommandType t : values()) {
            if (t.number == number) {
                return t;
            }
        }
        throw new WireFormatException("unknown command number " + number);
    }
}
