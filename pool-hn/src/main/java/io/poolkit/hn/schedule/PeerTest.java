package io.poolkit.hn.schedule;

/**
 * A test to run during a slot: {@code tester} connects to {@code tested}.
 *
 * @param tester the hypernode that runs the test
 * @param tested the hypernode tested
 * @param type   the test type, 0 to 4 (0 ping, 1 last blocks, 2 PoW hash, 3 bandwidth, as designed;
 *               the reference treats them all alike)
 */
public record PeerTest(String tester, String tested, int type) {
}
