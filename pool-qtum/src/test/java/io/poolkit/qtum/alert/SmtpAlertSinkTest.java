package io.poolkit.qtum.alert;

import io.poolkit.core.testing.SteppableClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.poolkit.qtum.ppm.Timing;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Alerts through a real SMTP server (GreenMail), with do-not-disturb queueing. */
class SmtpAlertSinkTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("pool@example.org", "pool", "app-password"));

    @Test
    void quietHourAlertIsDeliveredWithTheNextMail() throws Exception {
        SmtpAlertSink sink = new SmtpAlertSink("127.0.0.1", SMTP.getSmtp().getPort(), false, Optional.of("pool"),
                Optional.of("app-password"), "pool@example.org", "operator@example.org");
        SteppableClock clock = new SteppableClock(Instant.parse("2020-08-06T22:32:15Z"));
        AlertDispatcher d = new AlertDispatcher(sink, clock, 8, Timing.DEFAULT_DO_NOT_DISTURB);
        assertEquals(AlertDispatcher.Outcome.QUEUED,
                d.dispatch(new Alert(Alert.Kind.POOL_BLOCK, ".REWARD", ".LD18 blk 650817 stk 0.0")));
        assertEquals(0, SMTP.getReceivedMessages().length);
        clock.set(Instant.parse("2020-08-07T01:00:00Z")); // local 09
        assertEquals(AlertDispatcher.Outcome.SENT,
                d.dispatch(new Alert(Alert.Kind.PAYOUT_SUMMARY, ".LD18 stk 0.0", "4paid 24.27revenue 3.31")));
        assertTrue(SMTP.waitForIncomingEmail(5_000, 1));
        MimeMessage m = SMTP.getReceivedMessages()[0];
        assertEquals(".LD18 stk 0.0", m.getSubject());
        assertEquals("operator@example.org", m.getAllRecipients()[0].toString());
        String body = GreenMailUtil.getBody(m).replace("\r\n", "\n").strip();
        assertEquals("4paid 24.27revenue 3.31\n22:32:15 .REWARD .LD18 blk 650817 stk 0.0", body);
    }

    @Test
    void wrongPasswordKeepsTheAlertQueued() {
        SmtpAlertSink sink = new SmtpAlertSink("127.0.0.1", SMTP.getSmtp().getPort(), false, Optional.of("pool"),
                Optional.of("wrong"), "pool@example.org", "operator@example.org");
        AlertDispatcher d = new AlertDispatcher(sink, java.time.Clock.fixed(Instant.parse("2020-08-06T12:00:00Z"),
                java.time.ZoneOffset.UTC), 0, Timing.DEFAULT_DO_NOT_DISTURB);
        assertEquals(AlertDispatcher.Outcome.QUEUED, d.dispatch(new Alert(Alert.Kind.QTUMD_DOWN, "QTUMD NOT RUNNING", " onLD18")));
        assertEquals(1, d.queued().size());
    }
}
