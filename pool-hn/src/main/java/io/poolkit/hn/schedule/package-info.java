/**
 * Who does what in a round: tickets from the active hypernodes, forgers by distance to the
 * reference hash, test slots and the peers to connect to, computed exactly as the reference's
 * {@code determine.py} does. {@link io.poolkit.hn.scheduler.RoundScheduler} puts it together from
 * the registrations, the previous round's blocks and the reference hash.
 */
package io.poolkit.hn.schedule;
