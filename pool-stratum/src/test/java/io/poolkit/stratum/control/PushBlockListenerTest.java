package io.poolkit.stratum.control;

import static io.poolkit.stratum.server.ServerTestSupport.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PushBlockListenerTest {

    @Test
    void whitelistedCommandsTriggerARefreshOthersAreIgnored() throws Exception {
        AtomicInteger refreshes = new AtomicInteger();
        try (PushBlockListener l = new PushBlockListener(0, refreshes::incrementAndGet).start()) {
            PushBlockListener.send(l.port(), "blocknotify " + "ab".repeat(32));
            PushBlockListener.send(l.port(), "VTC getblocktemplate signal=1 __spawn=1");
            PushBlockListener.send(l.port(), "blocknotify ../../etc/passwd");
            PushBlockListener.send(l.port(), "refresh");
            waitFor(() -> l.accepted() + l.ignored() == 4, "4 datagrams");
            assertEquals(2, refreshes.get());
            assertEquals(2, l.ignored());
        }
    }

    @Test
    void commandSyntax() {
        assertTrue(PushBlockListener.isCommand("blocknotify"));
        assertTrue(PushBlockListener.isCommand("refresh"));
        assertFalse(PushBlockListener.isCommand("blocknotify 1234"));
        assertFalse(PushBlockListener.isCommand("shutdown"));
    }
}
