package org.lumbung.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.lumbung.pipeline.FailureKind;

/**
 * A response body read against two clocks: silence (no bytes for longer than the read timeout) and the request's
 * deadline (the whole answer). The JDK client's own timeout ends with the headers, so a server that stalls in the
 * middle of a body would otherwise hold a harvest for as long as it likes. Past either, the subscription is cancelled,
 * which closes the connection, and the read ends as a {@link FailureKind#TIMEOUT}.
 */
final class TimedBody implements Flow.Subscriber<List<ByteBuffer>> {

    private static final Object END = new Object();

    private final BlockingQueue<Object> pieces = new LinkedBlockingQueue<>();
    private final String url;
    private volatile Flow.Subscription subscription;
    private volatile boolean cancelled;

    TimedBody(String url) {
        this.url = url;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (cancelled) {
            s.cancel();
        } else {
            s.request(1);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
        pieces.add(item);
    }

    @Override
    public void onError(Throwable error) {
        pieces.add(error);
    }

    @Override
    public void onComplete() {
        pieces.add(END);
    }

    /** Gives the body up: the connection is closed rather than drained. */
    void cancel() {
        cancelled = true;
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
    }

    /**
     * The body's bytes, at most {@code limit} of them.
     *
     * @param announced the length the answer announced (Content-Length), or -1
     * @param silence   the longest wait for the next piece
     * @param deadline  {@link System#nanoTime()} by which the whole body must be in
     */
    byte[] read(long limit, long announced, Duration silence, long deadline)
            throws IOException, InterruptedException {
        BodyBuffer out = new BodyBuffer(announced, limit);
        long total = 0;
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                long wait = Math.min(silence.toNanos(), left);
                Object piece = wait <= 0 ? null : pieces.poll(wait, TimeUnit.NANOSECONDS);
                if (piece == null) {
                    throw new HttpFetcher.FetchException(FailureKind.TIMEOUT, url, 1, left <= silence.toNanos()
                            ? "the answer took longer than the request deadline (lumbung.http-client.request-deadline)"
                            : "no data for " + silence.toMillis() + " ms in the middle of the answer"
                            + " (lumbung.http-client.read-timeout)", null);
                }
                if (piece == END) {
                    return out.bytes();
                }
                if (piece instanceof Throwable error) {
                    throw error instanceof IOException io ? io : new IOException(error);
                }
                for (Object o : (List<?>) piece) {
                    ByteBuffer buffer = (ByteBuffer) o;
                    total += buffer.remaining();
                    if (total > limit) {
                        throw new HttpFetcher.TooLargeException(limit);
                    }
                    if (buffer.hasArray()) {
                        out.write(buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining());
                    } else {
                        byte[] bytes = new byte[buffer.remaining()];
                        buffer.get(bytes);
                        out.write(bytes, 0, bytes.length);
                    }
                }
                subscription.request(1);
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            cancel();
            throw e;
        }
    }
}
