package io.poolkit.qtum.alert;

/** Delivers a message (an e-mail, a webhook call). */
@FunctionalInterface
public interface AlertSink {
    /** Sends {@code subject} and {@code body}; throws if delivery failed. */
    void send(String subject, String body) throws Exception;
}
