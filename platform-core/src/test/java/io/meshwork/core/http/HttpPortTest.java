package io.meshwork.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Requests the port refuses before any route sees them: answered at once with a 4xx, a JSON problem whenever there is
 * a body (Jetty answers some protocol-level refusals, such as CONNECT, with an empty one).
 */
class HttpPortTest {

    private HttpPort port;

    @BeforeEach
    void start() {
        ProductHealth health = new ProductHealth() {
            @Override
            public KafkaStreams.State state() {
                return KafkaStreams.State.RUNNING;
            }

            @Override
            public boolean inputsExist() {
                return true;
            }

            @Override
            public Duration stalledFor() {
                return Duration.ZERO;
            }

            @Override
            public Duration stallTimeout() {
                return Duration.ofMinutes(5);
            }
        };
        port = HttpPort.start("127.0.0.1", 0, health, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), routes -> { });
    }

    @AfterEach
    void stop() {
        port.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"CONNECT * HTTP/1.1", "CONNECT 127.0.0.1:1 HTTP/1.1", "CONNECT /health HTTP/1.1",
            "GET /health HTTP/9.9", "GET /health HTTX/1.1", "TRACE /health HTTP/1.1", "GET * HTTP/1.1",
            "OPTIONS * HTTP/1.1", "GET /%zz HTTP/1.1", "PRI * HTTP/2.0"})
    void aRequestNoRouteCanServeIsAnsweredAtOnceWithAFourHundredProblem(String requestLine) throws IOException {
        String response = send(requestLine + "\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        assertThat(response).as(requestLine).startsWith("HTTP/1.1 4");
        if (!response.contains("Content-Length: 0\r\n")) {
            assertThat(response).as(requestLine).containsIgnoringCase("content-type: application/problem+json");
        }
    }

    private String send(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port.port())) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            return RawResponse.read(socket.getInputStream());
        }
    }
}
