package io.meshwork.cli.up;

import io.meshwork.core.contract.Contract;
import io.meshwork.core.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A product running as an OS process of its own, {@code java -jar <name>.jar}, configured only by environment
 * variables, as an operator runs it ({@code mesh up --processes}). Its figures are read from its query port: the
 * counters from {@code /metrics}, the stores from {@code /stores}.
 */
final class ProcessInstance implements ProductInstance {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Duration GRACEFUL_STOP = Duration.ofSeconds(30);
    private static final int LOG_TAIL_LINES = 30;

    private final String label;
    private final Contract contract;
    private final Process process;
    private final int port;
    private final Path log;
    private final String token;
    private volatile List<String> stores;
    private volatile Flow flow = new Flow(0, 0);

    private ProcessInstance(String label, Contract contract, Process process, int port, Path log, String token) {
        this.label = label;
        this.contract = contract;
        this.process = process;
        this.port = port;
        this.log = log;
        this.token = token;
    }

    /**
     * Starts {@code command} with {@code env} added to this process's environment, its output appended to
     * {@code log}.
     *
     * @param port  the query port it was told to use ({@code MESHWORK_HTTP_PORT} in {@code env})
     * @param token a bearer token its store queries accept, to list its stores
     */
    static ProcessInstance start(String label, Contract contract, List<String> command, Map<String, String> env, int port,
                                 Path log, String token) {
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(env);
            return new ProcessInstance(label, contract, builder.start(), port, log, token);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + label + ": " + command, e);
        }
    }

    /**
     * Waits until the instance answers {@code /ready} with 200.
     *
     * @throws IllegalStateException if it exits first, or is not ready within {@code timeout}; the message ends with
     *                               the last lines of its log
     */
    void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (status("/ready") != 200) {
            if (!process.isAlive()) {
                throw new IllegalStateException(label + " exited with code " + process.exitValue()
                        + " before it was ready; the end of " + log + ":\n" + tail());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(label + " was not ready within " + timeout.toSeconds() + " s; the end of "
                        + log + ":\n" + tail());
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + label, e);
            }
        }
    }

    long pid() {
        return process.pid();
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public Contract contract() {
        return contract;
    }

    @Override
    public String url() {
        return "http://localhost:" + port;
    }

    @Override
    public List<String> stores() {
        if (stores == null) {
            stores = get("/stores").map(body -> {
                List<String> names = new ArrayList<>();
                Json.mapper().readTree(body).path("stores").forEach(store -> names.add(store.path("name").asString()));
                return List.copyOf(names);
            }).orElse(null);
        }
        return stores == null ? List.of() : stores;
    }

    /** Read from {@code /metrics}; the last figures read while the instance does not answer. */
    @Override
    public Flow flow() {
        get("/metrics").ifPresent(text -> flow = new Flow(PrometheusText.sum(text, "dataproduct_records_out_total"),
                PrometheusText.sum(text, "dataproduct_records_dlq_total")));
        return flow;
    }

    /** SIGTERM, so it commits and closes; {@code kill -9} if it has not exited within 30 s. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(GRACEFUL_STOP.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private int status(String path) {
        return send(path).map(HttpResponse::statusCode).orElse(-1);
    }

    private Optional<String> get(String path) {
        return send(path).filter(response -> response.statusCode() == 200).map(HttpResponse::body);
    }

    private Optional<HttpResponse<String>> send(String path) {
        try {
            return Optional.of(HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(cannot read it: " + e.getMessage() + ")";
        }
    }
}
