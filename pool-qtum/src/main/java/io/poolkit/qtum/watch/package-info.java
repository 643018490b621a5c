/**
 * The chain watcher: follows qtumd {@code orphanDelay} blocks behind the tip over JSON-RPC, processes
 * every block exactly once (the last processed height is persisted with the pool shares), detects the
 * pool's blocks and credits the delegates by PPMU weight.
 */
package io.poolkit.qtum.watch;
