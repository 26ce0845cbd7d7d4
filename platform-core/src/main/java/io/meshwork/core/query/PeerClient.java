package io.meshwork.core.query;

import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.streams.state.HostInfo;
import org.eclipse.jetty.client.CompletableResponseListener;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;

/**
 * Asks another instance of the product (its {@code application.server}) the same question a client asked this
 * one. Forwarded requests carry the client's {@code Authorization} and a {@value #FORWARDED_BY} header, so the other
 * instance answers from its own partitions and never forwards again.
 *
 * <p>The client is Jetty's (HTTP/1.1, kept alive), the same Jetty the port runs on, rather than the JDK's
 * {@code java.net.http} client. Measured on the 2-vCPU benchmark machine with two realtime-revenue instances (wrk, 16
 * connections, keys the other instance holds), the JDK client cost the forwarding instance ~2.6 ms of CPU and ~15
 * thread switches per lookup (its selector thread, its executor and a completion hop per exchange, each a wait for
 * a CPU on a busy machine): ~500 forwarded lookups/s against ~3,200 local ones. Jetty's costs ~0.55 ms (a local
 * lookup ~0.4–0.5 ms) and ~5 switches: ~1,800/s, what the two instances' lookups leave room for. The request thread
 * waits for the answer: Jetty's server pool has threads enough for that, and the wait adds no hop.
 */
final class PeerClient implements AutoCloseable {

    /** Marks a request one instance forwarded to another; its value is the forwarding instance. */
    static final String FORWARDED_BY = "X-Meshwork-Forwarded-By";
    /** On a forwarded key query: {@value #STANDBY} asks the instance to answer from its standby copy. */
    static final String SERVE = "X-Meshwork-Serve";
    static final String STANDBY = "standby";

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /** Below the port's own idle timeout (Jetty's 30 s), so this side closes an idle connection before the peer does. */
    private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(20);
    /** The largest answer relayed; a scan page of {@link ScanRequest#MAX_LIMIT} entries is far smaller. */
    private static final int MAX_ANSWER_BYTES = 64 * 1024 * 1024;
    /** The client's threads only read answers (request threads wait for them), so few are needed. */
    private static final int MAX_THREADS = 16;

    private final HttpClient http;
    private final HostInfo self;
    private final Duration requestTimeout;

    PeerClient(HostInfo self) {
        this(self, REQUEST_TIMEOUT);
    }

    PeerClient(HostInfo self, Duration requestTimeout) {
        this.self = self;
        this.requestTimeout = requestTimeout;
        this.http = start();
    }

    /**
     * An answer from another instance.
     *
     * @param status      HTTP status
     * @param contentType its content type
     * @param retryAfter  its {@code Retry-After}, if any
     * @param body        its body
     */
    record Answer(int status, String contentType, Optional<String> retryAfter, String body) {
    }

    /**
     * GETs {@code pathAndQuery} from {@code peer}. The future fails (with an {@link java.io.IOException} cause) when
     * the instance cannot be reached or does not answer in time.
     */
    CompletableFuture<Answer> get(HostInfo peer, String pathAndQuery, Optional<String> authorization, boolean standby) {
        Request request = http.newRequest("http://" + peer.host() + ":" + peer.port() + pathAndQuery)
                .timeout(requestTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .headers(headers -> {
                    headers.put(FORWARDED_BY, self.host() + ":" + self.port());
                    authorization.ifPresent(value -> headers.put(HttpHeader.AUTHORIZATION, value));
                    if (standby) {
                        headers.put(SERVE, STANDBY);
                    }
                });
        return new CompletableResponseListener(request, MAX_ANSWER_BYTES).send().handle((response, failure) -> {
            if (failure != null) {
                throw new CompletionException(asIoException(failure));
            }
            return answer(response);
        });
    }

    /** Stops the client's threads and closes its connections. */
    @Override
    public void close() {
        try {
            http.stop();
        } catch (Exception e) {
            throw new IllegalStateException("could not stop the peer client", e);
        }
    }

    private static Answer answer(ContentResponse response) {
        String contentType = response.getHeaders().get(HttpHeader.CONTENT_TYPE);
        return new Answer(response.getStatus(), contentType == null ? "application/json" : contentType,
                Optional.ofNullable(response.getHeaders().get(HttpHeader.RETRY_AFTER)), response.getContentAsString());
    }

    /** The failures callers see stay those of the JDK client this replaced: a timeout reads "request timed out". */
    private static IOException asIoException(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof TimeoutException) {
            HttpTimeoutException timeout = new HttpTimeoutException("request timed out");
            timeout.initCause(cause);
            return timeout;
        }
        return cause instanceof IOException io ? io : new IOException(cause.toString(), cause);
    }

    private static HttpClient start() {
        // Daemon threads: the product's shutdown does not wait on an idle peer connection.
        QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, 1);
        threads.setName("meshwork-peers");
        threads.setDaemon(true);
        HttpClient client = new HttpClient();
        client.setExecutor(threads);
        client.setScheduler(new ScheduledExecutorScheduler("meshwork-peers-timeouts", true));
        client.setConnectTimeout(CONNECT_TIMEOUT.toMillis());
        client.setIdleTimeout(IDLE_TIMEOUT.toMillis());
        client.setFollowRedirects(false);
        // Relay every answer as it came: no 401 handling (the client's Authorization goes through untouched) and
        // no Accept-Encoding (the peer would gzip larger answers only for this side to inflate them again).
        client.getProtocolHandlers().clear();
        client.getContentDecoderFactories().clear();
        client.setUserAgentField(null);
        try {
            client.start();
        } catch (Exception e) {
            throw new IllegalStateException("could not start the peer client", e);
        }
        return client;
    }
}
