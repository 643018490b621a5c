/**
 * Variable difficulty: per-connection retargeting toward a target share interval, within bounds and
 * a maximum step.
 */
package io.poolkit.stratum.vardiff;
