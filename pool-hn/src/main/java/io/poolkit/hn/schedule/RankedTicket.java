package io.poolkit.hn.schedule;

/**
 * A ticket and its distance to the reference hash.
 *
 * @param ticket   the ticket
 * @param distance sum over the 20 bytes of |ticket byte - reference byte|, bytes unsigned
 */
public record RankedTicket(Ticket ticket, int distance) {
}
