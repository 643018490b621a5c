/**
 * PacketCrypt (PKT): announcement and block-proof verifiers and the HTTP pool roles. This artifact
 * is being built; see the README.
 */
package io.poolkit.packetcrypt;
