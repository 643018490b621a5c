package io.poolkit.qtum.pod;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.poolkit.core.address.Address;
import io.poolkit.core.address.Addresses;
import io.poolkit.core.address.Networks;
import io.poolkit.core.bytes.Hex;
import io.poolkit.core.testing.TestVectors;
import org.junit.jupiter.api.Test;

class ProofOfDelegationTest {

    @Test
    void everyPodVectorRecoversItsDelegate() {
        JsonNode vectors = TestVectors.json("qtum/vectors/pod_vectors.json").get("vectors");
        assertTrue(vectors.size() >= 2);
        for (JsonNode v : vectors) {
            Address staker = Addresses.parse(v.get("staker").asText(), Networks.QTUM_TESTNET);
            assertEquals(v.get("staker_hash160_hex_message").asText(), Hex.encode(staker.payload()));
            assertEquals(v.get("message_hash_sha256d").asText(), Hex.encode(ProofOfDelegation.messageHash(staker)));
            byte[] pod = Hex.decode(v.get("PoD").asText());
            boolean valid = v.get("valid").asBoolean();
            if (v.has("recovered_pubkey")) {
                assertEquals(v.get("recovered_pubkey").asText(),
                        Hex.encode(ProofOfDelegation.recoverPublicKey(pod, ProofOfDelegation.messageHash(staker)).orElseThrow()));
            }
            Address delegate = Addresses.parse(v.get("delegate").asText(), Networks.QTUM_TESTNET);
            assertEquals(valid, ProofOfDelegation.verify(staker, delegate, pod), v.get("delegate").asText());
            if (valid) {
                assertEquals(delegate, ProofOfDelegation.recoverDelegate(staker, pod, Networks.QTUM_TESTNET).orElseThrow());
            }
        }
    }

    @Test
    void recordedDelegationsVerifyAndATamperedSignatureDoesNot() {
        JsonNode result = TestVectors.json("qtum/rpc/ppm_getdelegationsforstaker_testnet_2020.json").get("result");
        for (JsonNode d : result) {
            Address staker = Addresses.parse(d.get("staker").asText(), Networks.QTUM_TESTNET);
            Address delegate = Addresses.parse(d.get("delegate").asText(), Networks.QTUM_TESTNET);
            byte[] pod = Hex.decode(d.get("PoD").asText());
            assertTrue(ProofOfDelegation.verify(staker, delegate, pod));
            pod[40] ^= 1;
            assertFalse(ProofOfDelegation.verify(staker, delegate, pod));
        }
    }
}
