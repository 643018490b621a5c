package io.poolkit.qtum.alert;

import io.poolkit.core.testing.SteppableClock;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.poolkit.qtum.ppm.Timing;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertDispatcherTest {


    @Test
    void quietHoursQueueAlertsDropHourlyStatusAndFlushWithTheNextSend() {
        List<String[]> sent = new ArrayList<>();
        SteppableClock clock = new SteppableClock(Instant.parse("2020-08-06T22:32:15Z")); // UTC+8: local 06 -> quiet
        AlertDispatcher d = new AlertDispatcher((s, b) -> sent.add(new String[] {s, b}), clock, 8,
                Timing.DEFAULT_DO_NOT_DISTURB);
        assertEquals(AlertDispatcher.Outcome.QUEUED,
                d.dispatch(new Alert(Alert.Kind.POOL_BLOCK, ".REWARD", ".LD18 blk 650817 stk 0.0 ")));
        assertEquals(AlertDispatcher.Outcome.DROPPED,
                d.dispatch(new Alert(Alert.Kind.HOURLY_STATUS, ".LD18 stk 0.0", " bal 1 blk 2")));
        assertEquals(List.of("22:32:15 .REWARD .LD18 blk 650817 stk 0.0 "), d.queued());
        assertEquals(0, sent.size());
        clock.set(Instant.parse("2020-08-06T23:10:00Z")); // local 07: allowed
        assertEquals(AlertDispatcher.Outcome.SENT, d.dispatch(new Alert(Alert.Kind.QTUMD_DOWN, "QTUMD NOT RUNNING", " onLD18")));
        assertEquals(1, sent.size());
        assertEquals("QTUMD NOT RUNNING", sent.get(0)[0]);
        assertEquals(" onLD18\n22:32:15 .REWARD .LD18 blk 650817 stk 0.0 ", sent.get(0)[1]);
        assertEquals(List.of(), d.queued());
    }

    @Test
    void failedDeliveryKeepsTheMessage() {
        SteppableClock clock = new SteppableClock(Instant.parse("2020-08-06T12:00:00Z"));
        AlertDispatcher d = new AlertDispatcher((s, b) -> {
            throw new java.io.IOException("smtp down");
        }, clock, 0, Timing.DEFAULT_DO_NOT_DISTURB);
        assertEquals(AlertDispatcher.Outcome.QUEUED, d.dispatch(new Alert(Alert.Kind.NOT_STAKING, ".NOT STAKING", ".on LD18")));
        assertEquals(List.of("12:00:00 .NOT STAKING .on LD18"), d.queued());
    }
}
