package io.poolkit.hn.schedule;

/**
 * The forger of one slot: the hypernode holding the ticket that came {@code slot}-th closest to the
 * reference hash.
 *
 * @param posAddress the forger
 * @param ticketId   the ticket that won the slot
 */
public record ForgerSlot(String posAddress, int ticketId) {
}
