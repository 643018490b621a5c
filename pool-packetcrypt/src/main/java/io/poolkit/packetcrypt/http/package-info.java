/**
 * The small HTTP server every PacketCrypt pool role is assembled on: bounded bodies, bounded
 * concurrency, JSON replies, per-role request counters and a clean stop. Built on the JDK's
 * {@code com.sun.net.httpserver}.
 */
package io.poolkit.packetcrypt.http;
