package io.poolkit.hn.chain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.poolkit.core.bytes.Hex;
import io.poolkit.core.testing.TestVectors;
import io.poolkit.hn.ImmutableBytes;
import io.poolkit.hn.crypto.Blake2b;
import io.poolkit.hn.crypto.HnSignatures;
import io.poolkit.hn.crypto.PosAddress;
import io.poolkit.hn.crypto.PosNetwork;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** hn/blocks_txs_signatures.json: raw bytes, hashes and ECDSA-SHA1 signatures of txs and blocks. */
class BlocksTxsSignaturesVectorsTest {

    private static final JsonNode VECTORS = TestVectors.json("hn/blocks_txs_signatures.json");

    static Stream<JsonNode> realTransactions() {
        return StreamSupport.stream(VECTORS.get("real_txs_tests_txs1000_first40").get("txs").spliterator(), false);
    }

    static Stream<JsonNode> syntheticTransactions() {
        return StreamSupport.stream(VECTORS.get("synthetic_signed_txs").spliterator(), false);
    }

    private static byte[] hex(JsonNode node) {
        return Hex.decode(node.asText());
    }

    @Test
    void genesisBlock() {
        JsonNode g = VECTORS.get("genesis_block");
        PosBlock genesis = Genesis.BLOCK;
        assertEquals(g.get("height").asLong(), genesis.height());
        assertEquals(g.get("round").asLong(), genesis.round());
        assertEquals(g.get("sir").asLong(), genesis.sir());
        assertEquals(g.get("timestamp").asLong(), genesis.timestamp());
        assertEquals(g.get("previous_hash").asText(), genesis.previousHash().hex());
        assertEquals(g.get("block_hash").asText(), genesis.blockHash().hex());
        assertEquals(g.get("signature").asText(), genesis.signature().hex());
        assertEquals(g.get("forger").asText(), genesis.forger());
        assertEquals(g.get("raw_hex").asText(), Hex.encode(genesis.raw()));
        assertEquals(g.get("computed_block_hash").asText(), genesis.computeHash().hex());
        assertTrue(genesis.hashIsValid());
        assertEquals(g.get("sha1_of_raw").asText(), Hex.encode(HnSignatures.sha1(genesis.raw())));
        assertEquals(Hex.encode(Blake2b.hash20("BIG_BANG_HASH".getBytes(StandardCharsets.US_ASCII))),
                genesis.previousHash().hex());

        byte[] forgerKey = hex(g.get("forger_pubkey_recovered"));
        assertTrue(genesis.signatureIsValid(forgerKey));
        assertEquals(g.get("forger_pubkey_to_address").asText(),
                PosAddress.fromPublicKey(forgerKey, PosNetwork.MAINNET).text());
        List<String> candidates = HnSignatures.recoverPublicKeys(genesis.raw(), genesis.signature().toByteArray())
                .stream().map(Hex::encode).toList();
        assertTrue(candidates.contains(Hex.encode(forgerKey)), candidates.toString());
    }

    @ParameterizedTest
    @MethodSource("realTransactions")
    void realTransactionsRawSha1AndSignature(JsonNode v) {
        JsonNode f = v.get("list_form");
        PosTransaction tx = new PosTransaction(ImmutableBytes.fromHex(f.get(0).asText()), f.get(1).asLong(),
                f.get(2).asLong(), f.get(3).asText(), f.get(4).asText(), f.get(5).asLong(), f.get(6).asText(),
                f.get(7).asLong(), ImmutableBytes.fromHex(f.get(8).asText()));
        assertEquals(v.get("raw_hex").asText(), Hex.encode(tx.raw()));
        assertEquals(v.get("sha1_of_raw").asText(), Hex.encode(HnSignatures.sha1(tx.raw())));
        assertEquals(v.get("signature_valid").asBoolean(), tx.signatureIsValid());
        assertEquals(v.get("signature_valid").asBoolean(), tx.receiveProblem(tx.timestamp(), PosNetwork.MAINNET).isEmpty());
    }

    @Test
    void syntheticKeys() {
        VECTORS.get("synthetic_keys").forEach(k -> {
            byte[] pub = HnSignatures.publicKey(hex(k.get("priv_hex")));
            assertEquals(k.get("pub_hex").asText(), Hex.encode(pub));
            assertEquals(k.get("address").asText(), PosAddress.fromPublicKey(pub, PosNetwork.MAINNET).text());
        });
    }

    @ParameterizedTest
    @MethodSource("syntheticTransactions")
    void syntheticTransactionsSignedWithAFixedNonce(JsonNode v) {
        byte[] priv = privateKeyOf(v.get("pubkey_hex").asText());
        PosTransaction tx = PosTransaction.unsigned(v.get("timestamp").asLong(), v.get("sender").asText(),
                v.get("recipient").asText(), v.get("what").asLong(), v.get("params").asText(), v.get("value").asLong());
        assertEquals(v.get("raw_hex").asText(), Hex.encode(tx.raw()));
        assertEquals(v.get("sha1_of_raw").asText(), Hex.encode(HnSignatures.sha1(tx.raw())));
        byte[] sig = HnSignatures.signWithNonce(priv, tx.raw(), new BigInteger(v.get("k_hex").asText(), 16));
        assertEquals(v.get("signature_hex").asText(), Hex.encode(sig));
        PosTransaction signed = tx.withSignature(sig, hex(v.get("pubkey_hex")));
        assertTrue(signed.signatureIsValid());
        assertTrue(signed.receiveProblem(v.get("timestamp").asLong(), PosNetwork.MAINNET).isEmpty());
        PosTransaction deterministic = tx.signedWith(priv);
        assertTrue(deterministic.signatureIsValid());
        assertEquals(deterministic, tx.signedWith(priv));
    }

    @Test
    void syntheticBlockFromTxidsSignedWithAFixedNonce() {
        JsonNode b = VECTORS.get("synthetic_block");
        List<ImmutableBytes> txids = new ArrayList<>();
        b.get("txids_in_order").forEach(t -> txids.add(ImmutableBytes.fromHex(t.asText())));
        byte[] raw = PosBlock.raw(b.get("height").asLong(), b.get("round").asLong(), b.get("sir").asLong(),
                b.get("timestamp").asLong(), txids, ImmutableBytes.fromHex(b.get("previous_hash").asText()));
        assertEquals(b.get("raw_hex").asText(), Hex.encode(raw));
        assertEquals(b.get("block_hash").asText(), Hex.encode(Blake2b.hash20(raw)));
        byte[] priv = privateKeyOf(VECTORS.get("synthetic_keys").get("key1").get("pub_hex").asText());
        byte[] sig = HnSignatures.signWithNonce(priv, raw, new BigInteger(b.get("k_hex").asText(), 16));
        assertEquals(b.get("signature_hex").asText(), Hex.encode(sig));
        assertTrue(HnSignatures.verify(HnSignatures.publicKey(priv), raw, sig));
        assertEquals(b.get("forger").asText(), VECTORS.get("synthetic_keys").get("key1").get("address").asText());
    }

    @Test
    void tamperedMessagesAndKeysDoNotVerify() {
        JsonNode v = VECTORS.get("synthetic_signed_txs").get(0);
        byte[] raw = hex(v.get("raw_hex"));
        byte[] sig = hex(v.get("signature_hex"));
        byte[] pub = hex(v.get("pubkey_hex"));
        assertTrue(HnSignatures.verify(pub, raw, sig));
        raw[0] ^= 1;
        assertFalse(HnSignatures.verify(pub, raw, sig));
        assertFalse(HnSignatures.verify(new byte[64], hex(v.get("raw_hex")), sig));
        assertFalse(HnSignatures.verify(pub, hex(v.get("raw_hex")), new byte[64]));
        assertFalse(HnSignatures.verify(pub, hex(v.get("raw_hex")), new byte[63]));
    }

    @Test
    void highSIsAccepted() {
        JsonNode v = VECTORS.get("synthetic_signed_txs").get(0);
        byte[] sig = hex(v.get("signature_hex"));
        BigInteger n = new BigInteger("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", 16);
        BigInteger s = new BigInteger(1, java.util.Arrays.copyOfRange(sig, 32, 64));
        byte[] flipped = sig.clone();
        byte[] other = org.bouncycastle.util.BigIntegers.asUnsignedByteArray(32, n.subtract(s));
        System.arraycopy(other, 0, flipped, 32, 32);
        assertTrue(HnSignatures.verify(hex(v.get("pubkey_hex")), hex(v.get("raw_hex")), flipped));
    }

    @Test
    void forgingSortsByTimestampAndFillsTheCounts() {
        JsonNode keys = VECTORS.get("synthetic_keys");
        byte[] priv1 = privateKeyOf(keys.get("key1").get("pub_hex").asText());
        byte[] priv2 = privateKeyOf(keys.get("key2").get("pub_hex").asText());
        String a1 = keys.get("key1").get("address").asText();
        String a2 = keys.get("key2").get("address").asText();
        PosTransaction late = PosTransaction.unsigned(1561900600, a1, a2, 202, "TEST:1", 0).signedWith(priv1);
        PosTransaction early = PosTransaction.unsigned(1561900500, a2, a2, 202, "START", 7186).signedWith(priv2);
        PosTransaction sameTime = PosTransaction.unsigned(1561900500, a1, a1, 201, "NO_TEST:1", 7186).signedWith(priv1);
        PosBlock block = PosBlock.forge(6, 7186, 4, 1561904180, ImmutableBytes.fromHex("04e4dedc99f006a8dc1703969c63b3e1f97fc700"),
                List.of(late, early, sameTime), a1, priv1);
        assertEquals(List.of(early.txid(), sameTime.txid(), late.txid()),
                block.transactions().stream().map(PosTransaction::txid).toList());
        assertEquals(6, block.transactions().get(0).blockHeight());
        assertEquals(3, block.msgCount());
        assertEquals(2, block.uniquesSources());
        assertTrue(block.hashIsValid());
        assertTrue(block.signatureIsValid(HnSignatures.publicKey(priv1)));
        assertFalse(block.signatureIsValid(HnSignatures.publicKey(priv2)));
    }

    /** The synthetic keys of the vector file, by public key. */
    private static byte[] privateKeyOf(String pubHex) {
        for (JsonNode k : VECTORS.get("synthetic_keys")) {
            if (k.get("pub_hex").asText().equals(pubHex)) {
                byte[] priv = hex(k.get("priv_hex"));
                assertArrayEquals(Hex.decode(pubHex), HnSignatures.publicKey(priv));
                return priv;
            }
        }
        throw new AssertionError("no synthetic key for " + pubHex);
    }
}
