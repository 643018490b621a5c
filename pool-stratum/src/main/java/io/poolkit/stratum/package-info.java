/**
 * Stratum v1 pool: codec, server, job manager, vardiff, share validation and block submission.
 * This artifact is being built; see the README.
 */
package io.poolkit.stratum;
