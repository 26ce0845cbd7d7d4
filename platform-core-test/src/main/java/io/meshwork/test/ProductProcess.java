package io.meshwork.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A data product running as its own OS process, started the way an operator starts it ({@code java} with the
 * product's main class, configured only by environment variables), for tests that need a real process: a
 * {@code kill -9}, a restart, its memory. By default it runs on the test JVM's own classpath; its output goes to a
 * log file. {@link #close()} always kills it.
 */
public final class ProductProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final int httpPort;
    private final Path log;

    private ProductProcess(Process process, int httpPort, Path log) {
        this.process = process;
        this.httpPort = httpPort;
        this.log = log;
    }

    /**
     * Starts {@code mainClass} with {@code env} (KAFKA_*, MESHWORK_*) on a free loopback HTTP port, unless
     * {@code env} names {@code MESHWORK_HTTP_PORT}; the contracts folder of the test JVM
     * ({@code meshwork.contracts.dir}) is passed on as {@code MESHWORK_CONTRACTS_DIR}.
     *
     * @param log file that receives the process's standard output and error, appended
     */
    public static ProductProcess start(String mainClass, Map<String, String> env, Path log, String... jvmOptions) {
        Map<String, String> environment = new HashMap<>(env);
        String contracts = System.getProperty("meshwork.contracts.dir");
        if (contracts != null) {
            environment.putIfAbsent("MESHWORK_CONTRACTS_DIR", contracts);
        }
        return launch(List.of("-cp", System.getProperty("java.class.path"), mainClass), environment, log, jvmOptions);
    }

    /**
     * Starts a product's runnable jar, {@code java -jar jar}, with {@code env} only: the contract comes from inside the
     * jar. The HTTP port is a free loopback one unless {@code env} names {@code MESHWORK_HTTP_PORT}.
     */
    public static ProductProcess startJar(Path jar, Map<String, String> env, Path log, String... jvmOptions) {
        return launch(List.of("-jar", jar.toAbsolutePath().toString()), new HashMap<>(env), log, jvmOptions);
    }

    private static ProductProcess launch(List<String> what, Map<String, String> environment, Path log, String... jvmOptions) {
        environment.putIfAbsent("MESHWORK_HTTP_HOST", "127.0.0.1");
        environment.computeIfAbsent("MESHWORK_HTTP_PORT", name -> Integer.toString(freePort()));
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(List.of(jvmOptions));
        command.addAll(what);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        try {
            return new ProductProcess(builder.start(), Integer.parseInt(environment.get("MESHWORK_HTTP_PORT")), log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + what, e);
        }
    }

    /** Waits until {@code /ready} answers 200; fails if the process exits or {@code timeout} passes first. */
    public Duration awaitReady(Duration timeout) {
        long started = System.nanoTime();
        try {
            Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(200)).until(() -> {
                if (!process.isAlive()) {
                    throw new AssertionError("the product exited with code " + process.exitValue()
                            + " before it was ready; see " + log);
                }
                return status("/ready") == 200;
            });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("the product was not ready within " + timeout + "; see " + log, e);
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** Resident set size of the process in KiB, from {@code /proc} (Linux), or -1 when it cannot be read. */
    public long residentKb() {
        try {
            return Files.readAllLines(Path.of("/proc/" + process.pid() + "/status")).stream()
                    .filter(line -> line.startsWith("VmRSS:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", ""))).findFirst().orElse(-1);
        } catch (IOException e) {
            return -1;
        }
    }

    /** The status of {@code GET path} on the product's HTTP port, or -1 when it does not answer. */
    public int status(String path) {
        return get(path).map(HttpResponse::statusCode).orElse(-1);
    }

    /** {@code GET path} on the product's HTTP port; empty when it does not answer within 5 s. */
    public Optional<HttpResponse<String>> get(String path) {
        try {
            return Optional.of(HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** {@code kill -9}: the process gets no chance to close anything. */
    public void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new AssertionError("the product did not die within 30 s of SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** SIGTERM, then waits for a graceful exit. */
    public int stop(Duration timeout) {
        process.destroy();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                kill();
                throw new AssertionError("the product did not stop within " + timeout + " of SIGTERM; see " + log);
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** The operating system's process id, e.g. to read its memory from {@code /proc}. */
    public long pid() {
        return process.pid();
    }

    /** The product's HTTP port. */
    public int httpPort() {
        return httpPort;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    /** A free loopback port, for a process whose port must be known before it starts. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
