package io.poolkit.packetcrypt.block;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.poolkit.packetcrypt.ann.Announcement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class PcpCodecProperties {

    static PacketCryptProof randomProof(long seed, int proofLength, boolean signatures, long version) {
        Random r = new Random(seed);
        List<Announcement> anns = new ArrayList<>();
        List<Optional<byte[]>> sigs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            byte[] a = new byte[Announcement.SIZE];
            r.nextBytes(a);
            boolean signed = signatures && r.nextBoolean();
            if (!signed) {
                Arrays.fill(a, Announcement.SIGNING_KEY_OFFSET, Announcement.SIGNING_KEY_OFFSET + 32, (byte) 0);
            }
            anns.add(Announcement.of(a));
            byte[] s = new byte[64];
            r.nextBytes(s);
            sigs.add(signed ? Optional.of(s) : Optional.empty());
        }
        byte[] proof = new byte[proofLength];
        r.nextBytes(proof);
        boolean anySigned = sigs.stream().anyMatch(Optional::isPresent);
        return new PacketCryptProof(r.nextInt(), anns, anySigned ? sigs : List.of(), Optional.empty(), proof, version);
    }

    @Property(tries = 60)
    boolean encodingRoundTrips(@ForAll long seed, @ForAll @IntRange(min = 1, max = 3000) int proofLength,
            @ForAll boolean signatures, @ForAll @LongRange(min = 0, max = 100_000) long version) {
        PacketCryptProof pcp = randomProof(seed, proofLength, signatures, version);
        byte[] encoded = PcpCodec.encode(pcp);
        PacketCryptProof back = PcpCodec.parse(encoded);
        assertArrayEquals(encoded, PcpCodec.encode(back));
        assertEquals(pcp.nonce(), back.nonce());
        assertEquals(pcp.announcements(), back.announcements());
        assertEquals(pcp.version(), back.version());
        assertEquals(pcp.hasSignatures(), back.hasSignatures());
        return Arrays.equals(pcp.annProof(), back.annProof());
    }

    @Property(tries = 40)
    void anyTruncationFails(@ForAll long seed, @ForAll @IntRange(min = 1, max = 400) int proofLength,
            @ForAll @IntRange(min = 1, max = 1_000_000) int cut) {
        byte[] encoded = PcpCodec.encode(randomProof(seed, proofLength, true, 2));
        int keep = cut % encoded.length;
        assertThrows(PcpFormatException.class, () -> PcpCodec.parse(Arrays.copyOf(encoded, keep)));
    }

    @Property(tries = 100)
    boolean commitmentRoundTrips(@ForAll int magic, @ForAll int target, @ForAll long count, @ForAll long seed) {
        byte[] root = new byte[32];
        new Random(seed).nextBytes(root);
        CoinbaseCommit c = new CoinbaseCommit(magic, target, root, count);
        return CoinbaseCommit.parse(c.encode()).equals(c);
    }
}
