/**
 * Share validation: the checks a submitted share goes through, in order, and the verdict with a
 * countable reject reason.
 */
package io.poolkit.stratum.share;
