package org.lumbung.ops;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.lumbung.pipeline.Backoff;
import org.lumbung.pipeline.DaemonThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts alerts to webhooks: the JSON body signed with an HMAC-SHA256 of its bytes under the configured secret
 * ({@code X-Lumbung-Signature: sha256=<hex>}), sent again with backoff when it gets no answer or no 2xx, given up
 * after the last attempt. Delivery never holds up a harvest: alerts wait in a bounded queue for one sender thread of
 * their own; an alert that finds the queue full is dropped, and every drop, retry and abandoned alert is logged and
 * counted for /metrics. The address is logged by its host only (webhook paths often hold a token).
 */
public final class AlertWebhook implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("lumbung.alerts");

    /** Deliveries since start: delivered, attempts failed and retried, alerts given up or dropped, and waiting. */
    public record Counters(long delivered, long retried, long abandoned, long dropped, int queued) {
    }

    private record Delivery(URI url, String event, byte[] body, String id, Backoff.Retries retries) {
    }

    private final byte[] secret;
    private final Backoff backoff;
    private final Duration timeout;
    private final int capacity;
    private final HttpClient http;
    private final ScheduledExecutorService sender =
            Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("lumbung-alert-webhook"));
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong retried = new AtomicLong();
    private final AtomicLong abandoned = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();

    /** {@code secret} may be empty: an alert is then not sent (and counted as abandoned), since it cannot be signed. */
    public AlertWebhook(Optional<String> secret, Backoff backoff, Duration timeout, int capacity) {
        this.secret = secret.map(s -> s.getBytes(StandardCharsets.UTF_8)).orElse(null);
        this.backoff = backoff;
        this.timeout = timeout;
        this.capacity = capacity;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** Queues the alert for delivery and returns at once; false when it was not queued (no secret, queue full). */
    public boolean send(URI url, String event, String json) {
        if (secret == null) {
            abandoned.incrementAndGet();
            LOG.error("alert {} not sent to {}: set lumbung.alerts.webhook-secret (LUMBUNG_ALERTS_WEBHOOK_SECRET) to"
                    + " sign it", event, host(url));
            return false;
        }
        if (queued.incrementAndGet() > capacity) {
            queued.decrementAndGet();
            dropped.incrementAndGet();
            LOG.error("alert {} dropped: {} alerts already wait for delivery (lumbung.alerts.queue)", event, capacity);
            return false;
        }
        Delivery delivery = new Delivery(url, event, json.getBytes(StandardCharsets.UTF_8),
                UUID.randomUUID().toString(), backoff.start());
        sender.execute(() -> attempt(delivery));
        return true;
    }

    /** The signature header's value for a body: {@code sha256=} and the HMAC-SHA256 of its bytes, in hex. */
    public static String signature(byte[] secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available in this JVM", e);
        }
    }

    private void attempt(Delivery d) {
        String failure;
        try {
            HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(d.url()).timeout(timeout)
                    .header("Content-Type", "application/json")
                    .header("X-Lumbung-Event", d.event())
                    .header("X-Lumbung-Delivery", d.id())
                    .header("X-Lumbung-Signature", signature(secret, d.body()))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(d.body())).build(),
                    HttpResponse.BodyHandlers.discarding());
            if (answer.statusCode() / 100 == 2) {
                delivered.incrementAndGet();
                queued.decrementAndGet();
                return;
            }
            failure = "HTTP " + answer.statusCode();
        } catch (IOException | IllegalArgumentException e) {
            failure = e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            queued.decrementAndGet();
            return;
        }
        Optional<Duration> wait = d.retries().next();
        if (wait.isEmpty()) {
            abandoned.incrementAndGet();
            queued.decrementAndGet();
            LOG.error("alert {} not delivered to {} after {} attempts ({}); given up", d.event(), host(d.url()),
                    d.retries().attempt(), failure);
            return;
        }
        retried.incrementAndGet();
        LOG.warn("alert {} not delivered to {} ({}); trying again in {} ms", d.event(), host(d.url()), failure,
                wait.get().toMillis());
        sender.schedule(() -> attempt(d), wait.get().toMillis(), TimeUnit.MILLISECONDS);
    }

    private static String host(URI url) {
        return url.getScheme() + "://" + url.getAuthority();
    }

    public Counters counters() {
        return new Counters(delivered.get(), retried.get(), abandoned.get(), dropped.get(), queued.get());
    }

    /**
     * Waits until every alert queued has been delivered or given up, at most {@code within}: for a command that sends
     * an alert and ends (a move accepted from the command line). False when some still wait.
     */
    public boolean awaitDelivery(Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (queued.get() > 0) {
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    @Override
    public void close() {
        sender.shutdownNow();
    }
}
