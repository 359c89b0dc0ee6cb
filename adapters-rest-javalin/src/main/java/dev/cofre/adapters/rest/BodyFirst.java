package dev.cofre.adapters.rest;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Reads a request's body before the application sees the request, without holding a thread while
 * it waits for bytes: a client that trickles its body holds a connection and a few KiB, never a
 * worker thread. The body must arrive within {@link HttpLimits#bodyTimeout()} and, after the first
 * second, at {@link HttpLimits#minDataRate()} or faster; otherwise the request answers 408 (in the
 * dialect's format, through the server's error handler) and its connection is closed. Unreadable
 * framing (a bad chunk size) and a body that is not valid UTF-8 answer 400 the same way.
 */
final class BodyFirst extends Handler.Wrapper {

    private final HttpLimits limits;
    private final int keepBytes;
    private final long readBytes;

    /**
     * Keeps the first {@code keepBytes} of a body for the application (enough for it to see that a
     * body is too large) and reads, discarding, up to {@code readBytes} in all, so that a client
     * sending a moderately oversized body is not cut off before its 413.
     */
    BodyFirst(Handler next, HttpLimits limits, int keepBytes, long readBytes) {
        super(next);
        this.limits = limits;
        this.keepBytes = keepBytes;
        this.readBytes = readBytes;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        new Reading(request, response, callback).start();
        return true;
    }

    private void dispatch(Request request, Response response, Callback callback) {
        try {
            if (!getHandler().handle(request, response, callback)) {
                Response.writeError(request, response, callback, 404);
            }
        } catch (Throwable failure) {
            Response.writeError(request, response, callback, failure);
        }
    }

    /**
     * Whether a body is valid UTF-8, unless its Content-Type names another charset. A lenient
     * decoder would turn an overlong form (two bytes for {@code 1}) into a character that then
     * hides from checks, such as the search for card numbers in free text.
     */
    static boolean readableText(Request request, byte[] body) {
        String charset = MimeTypes.getCharsetFromContentType(request.getHeaders().get(HttpHeader.CONTENT_TYPE));
        if (charset != null && !charset.equalsIgnoreCase("utf-8") && !charset.equalsIgnoreCase("utf8")) {
            return true;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** One request's body on its way in: {@link #run()} reads what has arrived, and runs again on demand. */
    private final class Reading implements Runnable {

        private final Request request;
        private final Response response;
        private final Callback callback;
        private final long started = System.nanoTime();
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private final AtomicBoolean settled = new AtomicBoolean();
        private volatile long received;
        private volatile Scheduler.Task timer;

        Reading(Request request, Response response, Callback callback) {
            this.request = request;
            this.response = response;
            this.callback = callback;
        }

        void start() {
            run();
        }

        @Override
        public void run() {
            while (!settled.get()) {
                Content.Chunk chunk = request.read();
                if (chunk == null) {
                    if (timer == null) {
                        // the body is not all here: from now on it must keep arriving (most bodies, and
                        // every GET's empty one, are here at once, and schedule no timer at all)
                        check();
                        if (settled.get()) {
                            return;
                        }
                    }
                    request.demand(this);
                    return;
                }
                if (Content.Chunk.isFailure(chunk)) {
                    if (settle()) { // unreadable framing: Jetty's failure carries the status (400)
                        close();
                        Response.writeError(request, response, callback, chunk.getFailure());
                    }
                    return;
                }
                boolean last = chunk.isLast();
                keep(chunk.getByteBuffer());
                chunk.release();
                if (last || received > readBytes) {
                    if (settle()) {
                        if (!last) {
                            close(); // the rest is not read: the connection cannot carry another request
                        }
                        byte[] body = kept.toByteArray();
                        if (received == body.length && !readableText(request, body)) {
                            Response.writeError(request, response, callback, 400, "The body is not valid UTF-8");
                        } else {
                            dispatch(new Buffered(request, body), response, callback);
                        }
                    }
                    return;
                }
            }
        }

        private void keep(ByteBuffer bytes) {
            int n = bytes.remaining();
            int room = keepBytes - kept.size();
            if (room > 0) {
                byte[] copy = new byte[Math.min(room, n)];
                bytes.get(copy);
                kept.writeBytes(copy);
            }
            received += n;
        }

        /** Fails the request if its body is late or slow, or comes back when it next could be. */
        private void check() {
            if (settled.get()) {
                return;
            }
            long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            long deadlineMs = limits.bodyTimeout().toMillis();
            // By time t the body must have brought minDataRate * (t - grace) bytes.
            long dueMs = HttpLimits.RATE_GRACE.toMillis() + received * 1000 / limits.minDataRate();
            if (elapsedMs >= deadlineMs || elapsedMs > dueMs) {
                if (settle()) {
                    close();
                    Response.writeError(request, response, callback, 408, "The request body arrived too slowly");
                }
                return;
            }
            timer = request.getComponents().getScheduler()
                    .schedule(this::check, Math.min(dueMs + 1, deadlineMs) - elapsedMs, TimeUnit.MILLISECONDS);
        }

        private boolean settle() {
            if (!settled.compareAndSet(false, true)) {
                return false;
            }
            Scheduler.Task pending = timer;
            if (pending != null) {
                pending.cancel();
            }
            return true;
        }

        private void close() {
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
        }
    }

    /** The request as the application sees it: its body is already here. */
    private static final class Buffered extends Request.Wrapper {

        private Content.Chunk body;

        Buffered(Request request, byte[] bytes) {
            super(request);
            this.body = bytes.length == 0 ? Content.Chunk.EOF : Content.Chunk.from(ByteBuffer.wrap(bytes), true);
        }

        @Override
        public synchronized Content.Chunk read() {
            Content.Chunk next = body;
            body = Content.Chunk.EOF;
            return next;
        }

        @Override
        public void demand(Runnable demandCallback) {
            demandCallback.run(); // the whole body is always available
        }
    }
}
