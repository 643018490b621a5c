package io.poolkit.qtum.alert;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends alerts as an HTTP POST of a small JSON object: {@code {"subject":..,"body":..,"text":..}}, where
 * {@code text} is subject and body on two lines (the field Slack- and Mattermost-style incoming webhooks
 * show). A webhook URL usually carries its secret in the path or query, so the URL is never logged and
 * never appears in an exception message: errors name the webhook by its host only.
 *
 * <p>Delivery is tried up to {@code attempts} times with a growing pause on connection errors,
 * timeouts and 5xx/429 answers; any other answer outside 2xx fails at once (the request is wrong, a
 * retry cannot help).
 */
public final class WebhookAlertSink implements AlertSink {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookAlertSink.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Waits between attempts; tests pass one that does not sleep. */
    @FunctionalInterface
    public interface Pause {
        /** Waits {@code d}. */
        void pause(Duration d) throws InterruptedException;
    }

    private final HttpClient client;
    private final URI url;
    private final String safeName;
    private final Duration timeout;
    private final int attempts;
    private final Duration firstPause;
    private final Pause pause;

    /**
     * @param url the webhook URL (secret: never logged)
     * @param timeout connect and request timeout of each attempt
     * @param attempts tries per alert, at least 1
     * @param firstPause pause after the first failed attempt; doubled after each further one
     * @param pause how to wait
     */
    public WebhookAlertSink(URI url, Duration timeout, int attempts, Duration firstPause, Pause pause) {
        if (attempts < 1) {
            throw new IllegalArgumentException("webhook attempts must be >= 1, got " + attempts);
        }
        String scheme = Objects.requireNonNull(url, "url").getScheme();
        if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
            throw new IllegalArgumentException("the webhook URL must be http or https, not '" + scheme + "'");
        }
        this.url = url;
        this.safeName = "webhook at " + url.getHost();
        this.timeout = timeout;
        this.attempts = attempts;
        this.firstPause = firstPause;
        this.pause = pause;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** A sink with a 10 s timeout, 3 attempts and pauses of 2 s then 4 s. */
    public static WebhookAlertSink of(URI url) {
        return new WebhookAlertSink(url, Duration.ofSeconds(10), 3, Duration.ofSeconds(2), d -> Thread.sleep(d.toMillis()));
    }

    /** The JSON document posted for one message. */
    public static String payload(String subject, String body) {
        ObjectNode o = JSON.createObjectNode();
        o.put("subject", subject).put("body", body).put("text", subject + "\n" + body);
        return o.toString();
    }

    @Override
    public void send(String subject, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(payload(subject, body), StandardCharsets.UTF_8)).build();
        Duration wait = firstPause;
        String last = "";
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                HttpResponse<Void> r = client.send(request, HttpResponse.BodyHandlers.discarding());
                int status = r.statusCode();
                if (status / 100 == 2) {
                    return;
                }
                last = "HTTP " + status;
                if (status / 100 != 5 && status != 429) {
                    throw new IOException(safeName + " refused the alert: " + last);
                }
            } catch (java.net.http.HttpTimeoutException e) {
                last = "timed out after " + timeout;
            } catch (java.net.ConnectException e) {
                last = "connection refused";
            } catch (IOException e) {
                if (e.getMessage() != null && e.getMessage().startsWith(safeName)) {
                    throw e;
                }
                // the JDK's messages may quote the URL: keep only the exception type
                last = e.getClass().getSimpleName();
            }
            LOG.warn("{}: attempt {}/{} failed ({})", safeName, attempt, attempts, last);
            if (attempt < attempts) {
                pause.pause(wait);
                wait = wait.multipliedBy(2);
            }
        }
        throw new IOException(safeName + " failed " + attempts + " times, last: " + last);
    }

    @Override
    public String toString() {
        return safeName;
    }
}
