/**
 * PegNet pool: LXRHash, OPR records and grading, the Prosper stratum dialect, rolling submission and
 * the accountant. This artifact is being built; see the README.
 */
package io.poolkit.pegnet;
