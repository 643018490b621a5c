/**
 * Proof-of-work hash functions: SHA256d (with a midstate for header scanning), scrypt and scrypt-N,
 * and X11 ({@link io.poolkit.core.pow.x11}). Outputs are in the byte order the function produces.
 */
package io.poolkit.core.pow;
