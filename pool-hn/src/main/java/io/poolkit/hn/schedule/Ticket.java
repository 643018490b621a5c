package io.poolkit.hn.schedule;

import io.poolkit.hn.ImmutableBytes;

/**
 * A forging ticket: ticket {@code id} of hypernode {@code posAddress}, with hash
 * {@code BLAKE2b-20(utf8(posAddress + decimal(id)))}.
 *
 * @param posAddress the holder
 * @param id         the ticket number, counted over the whole list from 0
 * @param hash       the 20-byte ticket hash
 */
public record Ticket(String posAddress, int id, ImmutableBytes hash) {
}
