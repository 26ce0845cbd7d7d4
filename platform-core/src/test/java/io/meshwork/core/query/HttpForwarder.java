package io.meshwork.core.query;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A stand-in for the network between instances: forwards GETs to an instance's query port until {@link #stop}
 * cuts it off, after which connections to it are refused while the instance itself keeps running.
 */
final class HttpForwarder implements AutoCloseable {

    private static final List<String> FORWARDED = List.of("Authorization", PeerClient.FORWARDED_BY, PeerClient.SERVE);

    private final HttpServer server;
    private final HttpClient client = HttpClient.newHttpClient();
    private volatile int targetPort;

    private HttpForwarder() throws IOException {
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/", this::forward);
        server.start();
    }

    static HttpForwarder start() throws IOException {
        return new HttpForwarder();
    }

    /** {@code http://localhost:<port>}, the address to advertise. */
    String url() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    void target(int port) {
        targetPort = port;
    }

    void stop() {
        server.stop(0);
    }

    @Override
    public void close() {
        stop();
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + targetPort
                    + exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery())));
            for (String header : FORWARDED) {
                String value = exchange.getRequestHeaders().getFirst(header);
                if (value != null) {
                    request.header(header, value);
                }
            }
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            response.headers().firstValue("Content-Type").ifPresent(v -> exchange.getResponseHeaders().add("Content-Type", v));
            response.headers().firstValue("Retry-After").ifPresent(v -> exchange.getResponseHeaders().add("Retry-After", v));
            byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(response.statusCode(), body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
