package io.poolkit.core.address;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The table of networks poolkit knows by name. Several networks can share version bytes (all
 * Bitcoin-derived testnets use 0x6f), which is why decoding an address may match more than one.
 */
public final class Networks {

    public static final Network BITCOIN_MAIN = Network.of("bitcoin-main", 0x00, 0x05, 0x80, "bc");
    public static final Network BITCOIN_TEST = Network.of("bitcoin-test", 0x6f, 0xc4, 0xef, "tb");
    public static final Network BITCOIN_REGTEST = Network.of("bitcoin-regtest", 0x6f, 0xc4, 0xef, "bcrt");
    /** bcoin's regtest differs from Bitcoin Core's: its addresses start with 'R'. */
    public static final Network BCOIN_REGTEST = Network.of("bcoin-regtest", 0x3c, 0x26, 0x5a, "rb");
    public static final Network LITECOIN_MAIN = Network.of("litecoin-main", 0x30, 0x32, 0xb0, "ltc");
    public static final Network LITECOIN_TEST = Network.of("litecoin-test", 0x6f, 0x3a, 0xef, "tltc");
    public static final Network DOGECOIN_MAIN = Network.withoutSegwit("dogecoin-main", 0x1e, 0x16, 0x9e);
    public static final Network DASH_MAIN = Network.withoutSegwit("dash-main", 0x4c, 0x10, 0xcc);
    public static final Network VERTCOIN_MAIN = Network.of("vertcoin-main", 0x47, 0x05, 0x80, "vtc");
    public static final Network QTUM_MAIN = Network.of("qtum-main", 0x3a, 0x32, 0x80, "qc");
    public static final Network QTUM_TESTNET = Network.of("qtum-testnet", 0x78, 0x6e, 0xef, "tq");
    public static final Network QTUM_SIGNET = Network.of("qtum-signet", 0x78, 0x6e, 0xef, "tq");
    public static final Network QTUM_REGTEST = Network.of("qtum-regtest", 0x78, 0x6e, 0xef, "qcrt");
    /** PKT (PacketCrypt) main network: P2PKH addresses start with 'p', P2SH with 'P', segwit with "pkt1". */
    public static final Network PKT_MAIN = Network.of("pkt-main", 0x75, 0x38, 0xe0, "pkt");

    private static final Map<String, Network> BY_NAME = new LinkedHashMap<>();

    static {
        for (Network n : List.of(BITCOIN_MAIN, BITCOIN_TEST, BITCOIN_REGTEST, BCOIN_REGTEST, LITECOIN_MAIN,
                LITECOIN_TEST, DOGECOIN_MAIN, DASH_MAIN, VERTCOIN_MAIN, QTUM_MAIN, QTUM_TESTNET, QTUM_SIGNET,
                QTUM_REGTEST, PKT_MAIN)) {
            BY_NAME.put(n.name(), n);
        }
    }

    private Networks() {
    }

    /** Every known network, in table order. */
    public static List<Network> all() {
        return List.copyOf(BY_NAME.values());
    }

    public static Optional<Network> find(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** The network of that name, or an error listing the names there are. */
    public static Network byName(String name) {
        Network network = BY_NAME.get(name);
        if (network == null) {
            throw new IllegalArgumentException("unknown network '" + name + "'; known networks: "
                    + String.join(", ", BY_NAME.keySet()));
        }
        return network;
    }
}
