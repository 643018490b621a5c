package io.poolkit.hn.wire;

import java.util.OptionalLong;

/**
 * An {@code IP} entry. The message is declared by the reference but never sent; it is kept so that
 * decoding and encoding a frame loses nothing.
 *
 * @param ipv4  IPv4 as an unsigned 32-bit number
 * @param ipv6a first half of an IPv6 address, if set
 * @param ipv6b second half, if set
 * @param port  port, if set (the declared default is 5658)
 */
public record WireIp(long ipv4, OptionalLong ipv6a, OptionalLong ipv6b, OptionalLong port) {
}
