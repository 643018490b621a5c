package io.poolkit.core.address;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poolkit.core.address.AddressException.Reason;
import io.poolkit.core.bytes.Hex;
import java.util.List;
import org.junit.jupiter.api.Test;

class AddressesTest {

    @Test
    void bitcoinGenesisKeyGivesSatoshisAddress() {
        byte[] genesisKey = Hex.decode("04678afdb0fe5548271967f1a67130b7105cd6a828e03909a67962e0ea1f61deb649f6bc3f4cef38c4"
                + "f35504e51ec112de5c384df7ba0b8d578a4c702b6bf11d5f");
        assertEquals("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", Addresses.fromPublicKey(Networks.BITCOIN_MAIN, genesisKey).text());
    }

    @Test
    void errorsNameTheProblem() {
        assertEquals(Reason.BAD_CHARACTER, reason("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfN0", Networks.BITCOIN_MAIN));
        assertEquals(Reason.BAD_CHECKSUM, reason("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb", Networks.BITCOIN_MAIN));
        assertEquals(Reason.BAD_LENGTH, reason(Base58.encodeChecked(new byte[5]), Networks.BITCOIN_MAIN));
        AddressException wrong = assertThrows(AddressException.class,
                () -> Addresses.parse("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", Networks.QTUM_MAIN));
        assertEquals(Reason.WRONG_NETWORK, wrong.reason());
        assertTrue(wrong.getMessage().contains("bitcoin-main"), wrong.getMessage());
        AddressException segwitElsewhere = assertThrows(AddressException.class,
                () -> Addresses.parse("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4", Networks.LITECOIN_MAIN));
        assertEquals(Reason.WRONG_NETWORK, segwitElsewhere.reason());
        assertEquals(Reason.BAD_LENGTH, reason("1".repeat(5000), Networks.BITCOIN_MAIN));
    }

    @Test
    void aBase58AddressThatBeginsLikeABech32PrefixIsStillBase58() {
        // bcoin regtest's Base58 addresses start with 'R' and its Bech32 prefix is "rb": "RB1..." is both
        // (found when a random test address failed as "bad Bech32 character").
        Address a = Addresses.parse("RB1ykJt678rzHGhanWywDUMt8zRGnPGHbL", Networks.BCOIN_REGTEST);
        assertEquals(AddressKind.P2PKH, a.kind());
        assertEquals("76a914130fb7f6eaa3f28ff55cd3d1c92c6c6459a72c5288ac", Hex.encode(a.outputScript()));
        assertEquals(Reason.BAD_CHECKSUM, reason("RB1ykJt678rzHGhanWywDUMt8zRGnPGHbM", Networks.BCOIN_REGTEST));
    }

    @Test
    void pktAddressesOfTheRealPayMakerLog() {
        // payTo addresses from vectors/packetcrypt/paymaker/events.ndjson (PKT main: P2PKH 0x75, bech32 "pkt").
        assertEquals(AddressKind.P2PKH, Addresses.parse("p7A4miQjxjmLPfbGyqRqyqTb5be9p527zS", Networks.PKT_MAIN).kind());
        assertEquals(AddressKind.P2WPKH,
                Addresses.parse("pkt1qzyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3tmmhw9", Networks.PKT_MAIN).kind());
        assertEquals(Reason.WRONG_NETWORK, reason("p7A4miQjxjmLPfbGyqRqyqTb5be9p527zS", Networks.BITCOIN_MAIN));
    }

    @Test
    void segwitAddressesOfBip173AndBip350() {
        Address p2wpkh = Addresses.parse("BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4", Networks.BITCOIN_MAIN);
        assertEquals(AddressKind.P2WPKH, p2wpkh.kind());
        assertEquals("0014751e76e8199196d454941c45d1b3a323f1433bd6", Hex.encode(p2wpkh.outputScript()));
        Address p2tr = Addresses.parse("bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0", Networks.BITCOIN_MAIN);
        assertEquals(AddressKind.P2TR, p2tr.kind());
        assertEquals("512079be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798", Hex.encode(p2tr.outputScript()));
        // Version 0 with a bech32m checksum is invalid (BIP350).
        assertEquals(Reason.BAD_CHECKSUM, reason("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kf2v7x6", Networks.BITCOIN_MAIN));
    }

    @Test
    void bcoinRegtestAddressesAreR() {
        Address a = Addresses.p2pkh(Networks.BCOIN_REGTEST, new byte[20]);
        assertTrue(a.text().startsWith("R"), a.text());
        assertEquals(a, Addresses.parse(a.text(), Networks.BCOIN_REGTEST));
    }

    @Test
    void decodeAnyListsEveryNetworkSharingTheVersion() {
        Address tb = Addresses.p2pkh(Networks.BITCOIN_TEST, new byte[20]);
        List<String> names = Addresses.decodeAny(tb.text()).stream().map(a -> a.network().name()).toList();
        assertTrue(names.containsAll(List.of("bitcoin-test", "bitcoin-regtest", "litecoin-test")), names.toString());
    }

    @Test
    void publicKeysMustBeCurvePoints() {
        assertEquals(Reason.BAD_PUBLIC_KEY, assertThrows(AddressException.class,
                () -> Addresses.fromPublicKey(Networks.QTUM_MAIN, new byte[33])).reason());
        byte[] notOnCurve = new byte[33];
        notOnCurve[0] = 2;
        notOnCurve[32] = 5;
        assertEquals(Reason.BAD_PUBLIC_KEY, assertThrows(AddressException.class,
                () -> Addresses.fromPublicKey(Networks.QTUM_MAIN, notOnCurve)).reason());
    }

    private static Reason reason(String address, Network network) {
        return assertThrows(AddressException.class, () -> Addresses.parse(address, network)).reason();
    }
}
