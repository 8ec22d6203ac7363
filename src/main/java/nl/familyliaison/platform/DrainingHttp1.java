package nl.familyliaison.platform;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.helidon.common.buffers.BufferData;
import io.helidon.common.buffers.DataReader;
import io.helidon.common.concurrency.limits.Limit;
import io.helidon.config.Config;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.http1.Http1Config;
import io.helidon.webserver.http1.Http1ConnectionSelector;
import io.helidon.webserver.spi.ServerConnection;
import io.helidon.webserver.spi.ServerConnectionSelector;

/**
 * HTTP/1.1 as Helidon serves it, with one change: when the web server refuses a request it cannot read (a request
 * line or header block over the limit, a body over the limit) it answers and closes the connection at once, while
 * the client may still be sending its body. Closing a socket with unread data makes the operating system reset the
 * connection, and a reset can destroy the answer before the client reads it: the browser shows "connection reset"
 * instead of 413 / 414 / 431. So after such an answer the rest of what the client sends is read and thrown away (at
 * most {@code maxBytes}, for at most {@code maxTime}) before the connection closes.
 */
public final class DrainingHttp1 implements ServerConnectionSelector {

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("drain-timer").daemon().factory());

    private static final byte LINE_FEED = '\n';

    private final ServerConnectionSelector http1;
    private final Budget budget;

    private DrainingHttp1(ServerConnectionSelector http1, Budget budget) {
        this.http1 = http1;
        this.budget = budget;
    }

    /** How much of what a client still sends after a refusal is read: at most {@code maxBytes}, for {@code maxTime}. */
    private record Budget(long maxBytes, Duration maxTime) {
    }

    /**
     * For the public socket: after a refusal, reads at most 32 MB (more than twice the largest body taken, so an
     * upload somewhat over the limit is read to its end), for at most five seconds (a client that is still sending
     * has read the answer by then, or will not read it at all). Reading costs only bandwidth: nothing is kept.
     */
    public static ServerConnectionSelector forServer(Config server) {
        return create(server.get("protocols.http_1_1"), 32L << 20, Duration.ofSeconds(5));
    }

    /**
     * @param http1    the {@code server.protocols.http_1_1} node (max-prologue-length, max-headers-size, …)
     * @param maxBytes the most bytes read after a refusal
     * @param maxTime  the longest time spent reading after a refusal
     */
    static ServerConnectionSelector create(Config http1, long maxBytes, Duration maxTime) {
        Http1Config config = Http1Config.builder().config(http1).build();
        return new DrainingHttp1(Http1ConnectionSelector.builder().config(config).build(),
                                 new Budget(maxBytes, maxTime));
    }

    @Override
    public int bytesToIdentifyConnection() {
        return http1.bytesToIdentifyConnection();
    }

    /**
     * Helidon's HTTP/1.1 selector turns down a connection whose first bytes hold no line end within the longest
     * request line, so an over-long request line got no answer at all, only a closed connection. Taken as HTTP/1.1
     * it gets its 414.
     */
    @Override
    public Support supports(BufferData request) {
        Support support = http1.supports(request);
        request.rewind();
        return support == Support.UNSUPPORTED && request.indexOf(LINE_FEED) == -1 ? Support.SUPPORTED : support;
    }

    @Override
    public Set<String> supportedApplicationProtocols() {
        return http1.supportedApplicationProtocols();
    }

    @Override
    public ServerConnection connection(ConnectionContext ctx) {
        return new Draining(http1.connection(ctx), new Drain(ctx, budget), new AtomicBoolean());
    }

    /** A connection that, after Helidon answered a request it refused, reads the rest before the socket closes. */
    private record Draining(ServerConnection connection, Drain drain, AtomicBoolean closedByServer)
            implements ServerConnection {

        @Override
        public void handle(Limit limit) throws InterruptedException {
            connection.handle(limit);
            // Helidon's connection returns normally after it answered a request it refused; the socket closes next.
            if (!closedByServer.get()) {
                drain.run();
            }
        }

        @Override
        public Duration idleTime() {
            return connection.idleTime();
        }

        @Override
        public void close(boolean interrupt) {
            closedByServer.set(true);
            connection.close(interrupt);
        }
    }

    /** Reads and throws away what the client still sends, within the budget. */
    private record Drain(ConnectionContext ctx, Budget budget) {

        void run() {
            ScheduledFuture<?> deadline = TIMER.schedule(ctx.serverSocket()::close, budget.maxTime().toMillis(),
                                                         TimeUnit.MILLISECONDS);
            DataReader reader = ctx.dataReader();
            long drained = 0;
            try {
                while (drained < budget.maxBytes()) {
                    if (reader.available() == 0) {
                        reader.pullData();
                    }
                    int available = reader.available();
                    reader.skip(available);
                    drained += available;
                }
            } catch (RuntimeException endOfDataOrClosed) {
                // The client has sent everything and closed, or the deadline closed the socket: done either way.
            } finally {
                deadline.cancel(false);
            }
        }
    }
}
