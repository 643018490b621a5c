/**
 * Control of a running pool from the same machine: the loopback-only push-block datagram listener
 * with a whitelist of commands.
 */
package io.poolkit.stratum.control;
