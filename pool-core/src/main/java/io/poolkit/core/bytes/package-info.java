/**
 * Bytes on the wire: hex, little- and big-endian integers, Bitcoin varints, and a bounds-checked
 * reader and a growing writer for binary formats. Everything here rejects malformed input with a
 * message that names the offset.
 */
package io.poolkit.core.bytes;
