package io.poolkit.hn.chain;

import io.poolkit.core.bytes.ByteWriter;
import io.poolkit.hn.ImmutableBytes;
import io.poolkit.hn.crypto.HnSignatures;
import io.poolkit.hn.crypto.PosAddress;
import io.poolkit.hn.crypto.PosNetwork;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * A PoS transaction ("message"). Its id is its signature. The signed bytes are
 * {@code timestamp(4, BE) || sender || recipient || what(4, BE) || params || value(4, BE)} with the
 * strings as ASCII and no separators or lengths; the block height and the public key are not
 * signed.
 *
 * @param txid        the 64-byte signature (empty in an unsigned test request)
 * @param blockHeight height of the block holding it, 0 while in the mempool
 * @param timestamp   unix seconds, unsigned 32-bit
 * @param sender      PoS address of the signer
 * @param recipient   PoS address of the recipient (the sender itself for some codes)
 * @param what        the kind of message, see {@link WhatCodes}; unsigned 32-bit
 * @param params      the message's parameters, ASCII
 * @param value       a number whose meaning depends on {@code what}; unsigned 32-bit
 * @param publicKey   the sender's 64-byte public key (empty in an unsigned test request)
 */
public record PosTransaction(ImmutableBytes txid, long blockHeight, long timestamp, String sender, String recipient,
                             long what, String params, long value, ImmutableBytes publicKey) {

    /** How far in the future a received transaction's timestamp may be, in seconds. */
    public static final long FUTURE_ALLOWED_SECONDS = 5;

    public PosTransaction {
        Objects.requireNonNull(txid, "txid");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(publicKey, "publicKey");
        Uint32.check(blockHeight, "block height");
        Uint32.check(timestamp, "timestamp");
        Uint32.check(what, "what");
        Uint32.check(value, "value");
    }

    /** An unsigned transaction (empty txid and public key), to be {@link #signedWith signed}. */
    public static PosTransaction unsigned(long timestamp, String sender, String recipient, long what, String params,
                                          long value) {
        return new PosTransaction(ImmutableBytes.empty(), 0, timestamp, sender, recipient, what, params, value,
                ImmutableBytes.empty());
    }

    /** The signed bytes. Fails if a string is not ASCII: such a transaction cannot be signed. */
    public byte[] raw() {
        return new ByteWriter(64 + sender.length() + recipient.length() + params.length())
                .writeInt32Be((int) timestamp)
                .writeBytes(ascii(sender, "sender"))
                .writeBytes(ascii(recipient, "recipient"))
                .writeInt32Be((int) what)
                .writeBytes(ascii(params, "params"))
                .writeInt32Be((int) value)
                .toByteArray();
    }

    /** This transaction signed by {@code privateKey}: txid is the signature, the public key is filled in. */
    public PosTransaction signedWith(byte[] privateKey) {
        return withSignature(HnSignatures.sign(privateKey, raw()), HnSignatures.publicKey(privateKey));
    }

    /** This transaction with a given signature and public key. */
    public PosTransaction withSignature(byte[] signature, byte[] publicKey) {
        return new PosTransaction(ImmutableBytes.of(signature), blockHeight, timestamp, sender, recipient, what, params,
                value, ImmutableBytes.of(publicKey));
    }

    /** This transaction as stored in a block of height {@code height}. */
    public PosTransaction inBlock(long height) {
        return new PosTransaction(txid, height, timestamp, sender, recipient, what, params, value, publicKey);
    }

    /** True if txid is a valid signature of {@link #raw()} by the public key. */
    public boolean signatureIsValid() {
        try {
            return HnSignatures.verify(publicKey.toByteArray(), raw(), txid.toByteArray());
        } catch (IllegalArgumentException notAscii) {
            return false;
        }
    }

    /**
     * The checks a node runs on a transaction it receives (beta99), first failure only: the
     * timestamp at most {@value #FUTURE_ALLOWED_SECONDS} s ahead of {@code nowEpochSecond}, sender
     * and recipient of address shape (34 letters or digits; beta99's quick check), the public key
     * hashing to the sender's address, and a valid signature. Empty means acceptable.
     */
    public Optional<String> receiveProblem(long nowEpochSecond, PosNetwork network) {
        if (timestamp > nowEpochSecond + FUTURE_ALLOWED_SECONDS) {
            return Optional.of("timestamp " + timestamp + " is in the future (now " + nowEpochSecond + ")");
        }
        if (!hasAddressShape(sender)) {
            return Optional.of("sender '" + sender + "' is not an address");
        }
        if (!hasAddressShape(recipient)) {
            return Optional.of("recipient '" + recipient + "' is not an address");
        }
        if (publicKey.length() != HnSignatures.PUBLIC_KEY_BYTES) {
            return Optional.of("public key is " + publicKey.length() + " bytes, not " + HnSignatures.PUBLIC_KEY_BYTES);
        }
        String owner = PosAddress.fromPublicKey(publicKey.toByteArray(), network).text();
        if (!owner.equals(sender)) {
            return Optional.of("public key belongs to " + owner + ", not to the sender " + sender);
        }
        if (!signatureIsValid()) {
            return Optional.of("bad signature");
        }
        return Optional.empty();
    }

    private static boolean hasAddressShape(String address) {
        if (address.length() < PosAddress.LENGTH) {
            return false;
        }
        for (int i = 0; i < PosAddress.LENGTH; i++) {
            char c = address.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
                return false;
            }
        }
        return true;
    }

    private static byte[] ascii(String text, String what) {
        CharsetEncoder encoder = StandardCharsets.US_ASCII.newEncoder();
        if (!encoder.canEncode(text)) {
            throw new IllegalArgumentException(what + " must be ASCII to be signed: '" + text + "'");
        }
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
