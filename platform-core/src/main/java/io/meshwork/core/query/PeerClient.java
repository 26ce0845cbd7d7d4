package io.meshwork.core.query;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Asks another instance of the product (its {@code application.server}) the same question a client asked this
 * one. Forwarded requests carry the client's {@code Authorization} and a {@value #FORWARDED_BY} header, so the other
 * instance answers from its own partitions and never forwards again.
 */
final class PeerClient {

    /** Marks a request one instance forwarded to another; its value is the forwarding instance. */
    static final String FORWARDED_BY = "X-Meshwork-Forwarded-By";
    /** On a forwarded key query: {@value #STANDBY} asks the instance to answer from its standby copy. */
    static final String SERVE = "X-Meshwork-Serve";
    static final String STANDBY = "standby";

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    /**
     * HTTP/1.1, kept alive: the query port speaks nothing else, and the client's default (HTTP/2) asks every new
     * plain-text connection to upgrade to h2c first. This alone did not make forwarded lookups faster under many
     * concurrent requests (docs/benchmarks.md, the query port).
     */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(CONNECT_TIMEOUT).build();
    private final HostInfo self;

    PeerClient(HostInfo self) {
        this.self = self;
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
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + peer.host() + ":" + peer.port() + pathAndQuery))
                .timeout(REQUEST_TIMEOUT)
                .header(FORWARDED_BY, self.host() + ":" + self.port())
                .GET();
        authorization.ifPresent(value -> request.header("Authorization", value));
        if (standby) {
            request.header(SERVE, STANDBY);
        }
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString()).thenApply(response -> new Answer(
                response.statusCode(),
                response.headers().firstValue("Content-Type").orElse("application/json"),
                response.headers().firstValue("Retry-After"),
                response.body()));
    }
}
