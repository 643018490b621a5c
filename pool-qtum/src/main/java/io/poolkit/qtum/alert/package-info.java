/**
 * Operator alerts with PPM's do-not-disturb rules: messages in a quiet hour are queued and go out
 * with the next message sent; hourly status messages in a quiet hour are dropped. Delivery is behind
 * {@link io.poolkit.qtum.alert.AlertSink}: {@link io.poolkit.qtum.alert.SmtpAlertSink} sends e-mail,
 * {@link io.poolkit.qtum.alert.WebhookAlertSink} POSTs JSON. Detectors raise alerts through
 * {@link io.poolkit.qtum.alert.Alerter}.
 */
package io.poolkit.qtum.alert;
