/**
 * HN time: a round lasts one hour (19 forging slots of three minutes and one closing slot) and
 * round 0 started at the genesis timestamp. {@link io.poolkit.hn.round.RoundClock} maps
 * timestamps to rounds and slots and back; {@link io.poolkit.hn.round.RewardWeek} gives the weekly
 * reward periods.
 */
package io.poolkit.hn.round;
