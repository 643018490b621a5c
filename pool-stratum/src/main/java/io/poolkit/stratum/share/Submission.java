package io.poolkit.stratum.share;

import java.util.Optional;

/**
 * The fields of a {@code mining.submit} as the miner sent them (hex text), before validation.
 *
 * @param worker          the worker name the miner sent (informational: identity is the connection)
 * @param jobId           the client job id from the notify
 * @param extranonce2Hex  extranonce2, hex, exactly the subscribed size
 * @param ntimeHex        ntime, 8 hex digits, big-endian value
 * @param nonceHex        nonce, 8 hex digits, big-endian value
 * @param versionBitsHex  BIP310 rolled version bits, if version rolling was negotiated
 */
public record Submission(String worker, String jobId, String extranonce2Hex, String ntimeHex, String nonceHex,
                         Optional<String> versionBitsHex) {
}
