package io.meshwork.core.metrics;

import static org.awaitility.Awaitility.await;

import io.meshwork.core.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;

/**
 * A real Prometheus server (the Debian package's {@code /usr/bin/prometheus}, installed by
 * {@code scripts/install-test-tools.sh}) on a free loopback port, scraping one target every second, with its
 * storage in a folder of the test's. Closing it stops the process.
 */
final class PrometheusServer implements AutoCloseable {

    static final Path BINARY = Path.of("/usr/bin/prometheus");

    private final Process process;
    private final int port;
    private final Path log;
    private final HttpClient http = HttpClient.newHttpClient();

    private PrometheusServer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts Prometheus scraping {@code http://<target>/metrics} and waits until it is ready.
     *
     * @throws AssertionError if the binary is missing: run {@code scripts/install-test-tools.sh}
     */
    static PrometheusServer scraping(String target, Path dir) throws IOException {
        if (!Files.isExecutable(BINARY)) {
            throw new AssertionError(BINARY + " is missing: run scripts/install-test-tools.sh (it installs the "
                    + "Debian package prometheus) before the integration tests");
        }
        Path config = dir.resolve("prometheus.yml");
        Files.writeString(config, """
                global:
                  scrape_interval: 1s
                  scrape_timeout: 1s
                scrape_configs:
                  - job_name: meshwork-product
                    metrics_path: /metrics
                    static_configs:
                      - targets: ['%s']
                """.formatted(target));
        int port = freeLoopbackPort();
        Path log = dir.resolve("prometheus.log");
        Process process = new ProcessBuilder(BINARY.toString(),
                "--config.file=" + config,
                "--storage.tsdb.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port,
                "--log.level=warn")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        PrometheusServer server = new PrometheusServer(process, port, log);
        try {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .until(() -> server.ready());
        } catch (RuntimeException | AssertionError e) {
            server.close();
            throw new AssertionError("Prometheus did not become ready; its log:\n" + Files.readString(log), e);
        }
        return server;
    }

    /** The {@code data.result} array of an instant PromQL query through the HTTP API. */
    JsonNode query(String promql) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode body = Json.mapper().readTree(response.body());
        if (response.statusCode() != 200 || !"success".equals(body.path("status").asString())) {
            throw new AssertionError("query " + promql + " failed: " + response.body());
        }
        return body.path("data").path("result");
    }

    /** The single value an instant query returns, or NaN when it returns no series. */
    double value(String promql) throws IOException, InterruptedException {
        JsonNode result = query(promql);
        if (result.isEmpty()) {
            return Double.NaN;
        }
        if (result.size() > 1) {
            throw new AssertionError(promql + " returned " + result.size() + " series: " + result);
        }
        return Double.parseDouble(result.get(0).path("value").get(1).asString());
    }

    private boolean ready() {
        if (!process.isAlive()) {
            throw new AssertionError("Prometheus exited with " + process.exitValue());
        }
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/-/ready")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The server's log, for failure messages. */
    String log() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
