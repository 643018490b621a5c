/**
 * PacketCrypt (PKT) proof-of-work verification: announcements, block proofs and the difficulty
 * rules, bit-exact with the reference validators. Subpackages are split by job: primitives
 * ({@code crypto}), the random-program hash ({@code randhash}), announcements ({@code ann}),
 * block proofs ({@code block}), difficulty ({@code difficulty}) and node.js-pool helpers
 * ({@code pool}).
 */
package io.poolkit.packetcrypt;
