/**
 * A complete stratum pool assembled from its parts: the YAML configuration, node set, job manager,
 * server, block submission, hashrate estimates and the monitor's view.
 */
package io.poolkit.stratum.pool;
