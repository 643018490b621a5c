/**
 * Operator alerts with PPM's do-not-disturb rules: messages in a quiet hour are queued and go out
 * with the next message sent; hourly status messages in a quiet hour are dropped. Delivery is behind
 * {@link io.poolkit.qtum.alert.AlertSink}; {@link io.poolkit.qtum.alert.SmtpAlertSink} sends e-mail (a webhook
 * sender is to come).
 */
package io.poolkit.qtum.alert;
