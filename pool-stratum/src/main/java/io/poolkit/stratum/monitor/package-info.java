/**
 * The HTTP monitor of a stratum pool: JSON status, workers per address, recent blocks and
 * Prometheus metrics.
 */
package io.poolkit.stratum.monitor;
