/**
 * Everything a hypernode needs for a round, in one call: {@link io.poolkit.hn.scheduler.RoundScheduler}
 * marks the hypernodes that were inactive in the previous round, issues the tickets, picks the
 * forgers and the tests, and answers connect_to, from the registrations, the previous round's
 * blocks and the reference hash.
 */
package io.poolkit.hn.scheduler;
