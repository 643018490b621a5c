/**
 * The stratum TCP server: Netty pipeline, per-connection sessions (subscribe, authorize, submit,
 * configure, suggest_difficulty), limits, bans and metrics.
 */
package io.poolkit.stratum.server;
