/**
 * Operator alerts with PPM's do-not-disturb rules: messages in a quiet hour are queued and go out
 * with the next message sent; hourly status messages in a quiet hour are dropped. Delivery is behind
 * {@link io.poolkit.qtum.alert.AlertSink} (SMTP and webhook senders are to come).
 */
package io.poolkit.qtum.alert;
