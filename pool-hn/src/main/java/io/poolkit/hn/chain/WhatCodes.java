package io.poolkit.hn.chain;

/**
 * The {@code what} codes of the transactions hypernodes send each other, with their
 * {@code params}: the proof of activity that rewards are computed from.
 */
public final class WhatCodes {

    /** {@code P.FAIL:ip:0port} or {@code C.FAIL:ip:0port} to a peer: its promised chain or a catch-up failed; value is the round. */
    public static final int SYNC_FAILED = 101;
    /** {@code R.SYNC:ip:0port} or {@code C.SYNC:ip:0port} to a peer: a round sync or catch-up from it worked; value is the round. */
    public static final int SYNC_OK = 200;
    /** {@code NO_TEST:1} or {@code NO_TEST:2} to oneself: no test to run this round; value is the round. */
    public static final int NO_TEST = 201;
    /** {@code START} to oneself at node start (value is the round), or {@code TEST:type} from tester to tested: test passed. */
    public static final int START_OR_TEST_OK = 202;
    /** {@code TEST:type} from tested to tester: "I was tested"; value is unix time. */
    public static final int TESTED = 203;
    /** {@code TEST:type} from tester to tested: the test failed (timed out); value is the test timestamp. */
    public static final int TEST_FAILED = 204;

    /** The {@code params} of a node-start transaction. */
    public static final String START = "START";

    private WhatCodes() {
    }
}
