/**
 * Proof-of-work targets: 256-bit targets, compact nBits, and difficulty scales per algorithm family
 * (diff1 and hashes per share), all in exact integer arithmetic. {@link io.poolkit.core.target.CpuminerTargets}
 * reproduces cpuminer's double-precision targets where compatibility needs them.
 */
package io.poolkit.core.target;
