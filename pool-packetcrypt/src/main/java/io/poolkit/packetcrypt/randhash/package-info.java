/**
 * RandHash: the random programs of PacketCrypt. {@link io.poolkit.packetcrypt.randhash.RandGen}
 * turns a 32-byte seed into a program of at most 2048 instructions, and {@link
 * io.poolkit.packetcrypt.randhash.Interpreter} runs it over a CryptoCycle state and a 1024-byte
 * memory window. Both keep reusable buffers and are not thread safe.
 */
package io.poolkit.packetcrypt.randhash;
