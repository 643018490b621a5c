package io.poolkit.qtum.alert;

import java.util.List;

/**
 * Where the pool's detectors raise alerts. {@link AlertDispatcher} is the real one (do-not-disturb
 * queue in front of one {@link AlertSink}); {@link #all} sends each alert to several of them, so e-mail
 * and webhook each keep their own queue and a failing webhook never holds back the e-mail.
 */
@FunctionalInterface
public interface Alerter {

    /** Raises {@code alert}; never throws for a delivery problem (that is the dispatcher's to queue). */
    void alert(Alert alert);

    /** An alerter that raises every alert on each of {@code alerters}, in order. */
    static Alerter all(List<? extends Alerter> alerters) {
        List<Alerter> copy = List.copyOf(alerters);
        return a -> copy.forEach(x -> x.alert(a));
    }

    /** An alerter that drops every alert (no channel configured). */
    static Alerter none() {
        return a -> {
        };
    }
}
