package io.poolkit.core.payout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.poolkit.core.ledger.CreditKind;
import io.poolkit.core.ledger.CreditLine;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WeightSplitterTest {

    @Test
    void remainderGoesToTheLargestRemaindersThenAddressOrder() {
        // 10 by 1:1:1 -> 3 each, one unit left; equal remainders, so the first address gets it.
        assertEquals(Map.of("Ra", 4L, "Rb", 3L, "Rc", 3L),
                WeightSplitter.split(10, Map.of("Rc", BigDecimal.ONE, "Rb", BigDecimal.ONE, "Ra", BigDecimal.ONE)));
        // 10 by 0.5:0.3:0.2 is exact.
        assertEquals(Map.of("Ra", 5L, "Rb", 3L, "Rc", 2L), WeightSplitter.split(10,
                Map.of("Ra", new BigDecimal("0.5"), "Rb", new BigDecimal("0.3"), "Rc", new BigDecimal("0.2"))));
        // 7 by 2:3 -> 2.8 and 4.2: floors 2 and 4, the larger remainder (0.8) wins.
        assertEquals(Map.of("Ra", 3L, "Rb", 4L), WeightSplitter.split(7, Map.of("Ra", BigDecimal.valueOf(2),
                "Rb", BigDecimal.valueOf(3))));
    }

    @Test
    void refusesNoWeightAndNegativeInput() {
        assertThrows(IllegalArgumentException.class, () -> WeightSplitter.split(1, Map.of("Ra", BigDecimal.ZERO)));
        assertThrows(IllegalArgumentException.class, () -> WeightSplitter.split(-1, Map.of("Ra", BigDecimal.ONE)));
        assertThrows(IllegalArgumentException.class, () -> WeightSplitter.split(1, Map.of("Ra", BigDecimal.ONE.negate())));
    }

    @Test
    void blockSplitTakesFeeAndBonusFirst() {
        List<CreditLine> lines = new BlockSplitter(new PoolFee(10, "Rfee"), 5).split(5_000_000_000L, "Ra",
                Map.of("Ra", BigDecimal.ONE, "Rb", BigDecimal.valueOf(3)));
        assertEquals(List.of(new CreditLine("Rfee", CreditKind.POOL_FEE, 50_000_000L),
                new CreditLine("Ra", CreditKind.FINDER_BONUS, 25_000_000L),
                new CreditLine("Ra", CreditKind.SHARE, 1_231_250_000L),
                new CreditLine("Rb", CreditKind.SHARE, 3_693_750_000L)), lines);
        assertEquals(15, PoolFee.percent("1.5", "Rfee").perMille());
    }
}
