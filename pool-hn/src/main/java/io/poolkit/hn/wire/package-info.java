/**
 * The hypernode wire protocol: frames of a 4-byte big-endian signed length followed by a
 * protobuf {@code Command} (proto2, package {@code bismuth}), with no magic number and no checksum.
 * {@link io.poolkit.hn.wire.WireMessage} is the typed message; {@link io.poolkit.hn.wire.Frames}
 * encodes and decodes frames; {@link io.poolkit.hn.wire.Hello} is the greeting string.
 */
package io.poolkit.hn.wire;
