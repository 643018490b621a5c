package io.poolkit.hn.consensus;

/**
 * What one hypernode did in one round, as the weekly reward tooling counts it from the PoS chain.
 *
 * @param sources           transactions it sent
 * @param startCount        of which node starts ({@code START})
 * @param forged            blocks it forged
 * @param noTestsSent       {@code NO_TEST} transactions it sent
 * @param okTestsSent       passed tests it reported
 * @param koTestsSent       failed tests it reported
 * @param okActionsReceived passed tests others reported about it
 * @param koActionsReceived failed tests others reported about it
 */
public record RoundActivity(int sources, int startCount, int forged, int noTestsSent, int okTestsSent,
                            int koTestsSent, int okActionsReceived, int koActionsReceived) {

    /** Nothing at all. */
    public static final RoundActivity NONE = new RoundActivity(0, 0, 0, 0, 0, 0, 0, 0);
}
