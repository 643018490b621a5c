/**
 * A bit-exact port of the parts of CPython's {@code random} module that the reference hypernode
 * uses to derive its schedule: the MT19937 generator, CPython's seeding of str, bytes and int
 * seeds, and {@code getrandbits}, {@code random}, {@code _randbelow}, {@code shuffle},
 * {@code choice} and {@code sample}. {@code java.util.Random} gives other numbers and must not be
 * used where nodes have to agree.
 */
package io.poolkit.hn.random;
