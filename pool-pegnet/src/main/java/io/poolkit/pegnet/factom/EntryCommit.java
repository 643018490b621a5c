package io.poolkit.pegnet.factom;

import io.poolkit.pegnet.opr.FactomEntry;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Factom's entry commit ({@code commit-entry} message, 136 bytes): {@code version 0 (1) || milliseconds since the
 * epoch, big-endian (6) || entry hash (32) || entry credits (1) || EC public key (32) || Ed25519 signature (64)},
 * the signature covering the first 40 bytes. Credits: one per started KiB of payload (external ids with their
 * length prefixes, plus content), at least 1, at most 10.
 */
public final class EntryCommit {

    /** Bytes of a commit message. */
    public static final int LENGTH = 136;
    private static final int SIGNED = 40;

    private EntryCommit() {
    }

    /** Entry credits {@code entry} costs. */
    public static int credits(FactomEntry entry) {
        int payload = entry.payloadSize();
        if (payload > 10 * 1024) {
            throw new IllegalArgumentException("an entry payload is at most 10 KiB, got " + payload + " bytes");
        }
        return Math.max(1, (payload + 1023) / 1024);
    }

    /** The signed commit message for {@code entry} at {@code epochMillis}. */
    public static byte[] message(FactomEntry entry, EcKey key, long epochMillis) {
        ByteBuffer b = ByteBuffer.allocate(LENGTH);
        b.put((byte) 0);
        for (int shift = 40; shift >= 0; shift -= 8) {
            b.put((byte) (epochMillis >>> shift));
        }
        b.put(entry.hash());
        b.put((byte) credits(entry));
        byte[] signed = Arrays.copyOf(b.array(), SIGNED);
        b.put(key.publicKey());
        b.put(key.sign(signed));
        return b.array();
    }

    /** The signed part of a commit message (for verifiers). */
    public static byte[] signedPart(byte[] message) {
        return Arrays.copyOf(message, SIGNED);
    }
}
