/**
 * X11 and its eleven 512-bit primitives as sphlib 3.0 defines them (BLAKE, BMW, Groestl, Skein, JH,
 * Keccak, Luffa, CubeHash, SHAvite-3, SIMD, ECHO); each primitive is usable on its own.
 */
package io.poolkit.core.pow.x11;
