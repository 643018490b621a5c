/**
 * The stratum v1 wire protocol: line parsing that never throws on hostile input, request values,
 * the error codes 20 to 25, and rendering of replies and server notifications.
 */
package io.poolkit.stratum.protocol;
