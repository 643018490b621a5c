/**
 * The PacketCrypt pool's one YAML config ({@code pool.yml}), the same file on every node like the
 * node.js pool's {@code pool.js}: node RPC, master, ann handlers, block handlers and PayMaker.
 */
package io.poolkit.packetcrypt.config;
