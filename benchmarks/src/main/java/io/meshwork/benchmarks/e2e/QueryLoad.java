package io.meshwork.benchmarks.e2e;

import java.io.IOException;
import java.net.URI;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Load on the query port from this machine's loopback: {@code wrk} for the saturating throughput (key lookups/s and
 * its p50/p99), and an open-loop fixed-rate Java client for the latency at a given request rate (each request's
 * latency counts from the moment it was due, so a slow answer cannot hide the requests it delayed).
 */
final class QueryLoad {

    /** Requests per second, p50 and p99 in milliseconds, and the requests that did not answer 200. */
    record Figures(double requestsPerSecond, double p50, double p99, long errors) {
        String describe() {
            return String.format(Locale.ROOT, "%8.0f req/s, p50 %6.2f ms, p99 %6.2f ms%s", requestsPerSecond, p50, p99,
                    errors == 0 ? "" : ", " + errors + " not 200");
        }
    }

    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");
    private static final Pattern SOCKET_ERRORS = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

    private QueryLoad() {
    }

    /** Whether {@code wrk} is on the PATH. */
    static boolean wrkAvailable() {
        try {
            Process p = new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            p.waitFor(10, TimeUnit.SECONDS);
            return true;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /**
     * {@code wrk} with one thread and {@code connections} connections for {@code seconds}, cycling over {@code paths}
     * of {@code base} (a Lua script picks the next path for each request).
     */
    static Figures wrk(String base, List<String> paths, int connections, int seconds, Path dir) throws IOException, InterruptedException {
        Path script = dir.resolve("paths-" + Integer.toHexString(paths.hashCode()) + ".lua");
        Files.writeString(script, "local paths = {" + paths.stream().map(p -> "\"" + p + "\"").collect(Collectors.joining(", "))
                + "}\nlocal i = 0\nrequest = function()\n  i = i % #paths + 1\n  return wrk.format(\"GET\", paths[i])\nend\n");
        Process p = new ProcessBuilder("wrk", "-t1", "-c" + connections, "-d" + seconds + "s", "--latency",
                "-s", script.toString(), base).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        Matcher rate = RATE.matcher(out);
        if (!rate.find()) {
            throw new IllegalStateException("wrk printed no rate:\n" + out);
        }
        long errors = 0;
        Matcher non2xx = NON_2XX.matcher(out);
        if (non2xx.find()) {
            errors += Long.parseLong(non2xx.group(1));
        }
        Matcher socket = SOCKET_ERRORS.matcher(out);
        if (socket.find()) {
            for (int g = 1; g <= 4; g++) {
                errors += Long.parseLong(socket.group(g));
            }
        }
        return new Figures(Double.parseDouble(rate.group(1)), wrkPercentile(out, "50%"), wrkPercentile(out, "99%"), errors);
    }

    /** A percentile line of wrk's latency distribution ({@code "    99%    3.21ms"}), in milliseconds. */
    private static double wrkPercentile(String out, String which) {
        Matcher m = Pattern.compile("\\s" + Pattern.quote(which) + "\\s+([0-9.]+)(us|ms|s)\\b").matcher(out);
        if (!m.find()) {
            return Double.NaN;
        }
        double value = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            default -> value;
        };
    }

    /**
     * Open loop: {@code rate} requests per second for {@code seconds} after {@code warmupSeconds}, cycling over
     * {@code paths}, sent by a pool of 32 threads each with its own keep-alive connection; latency from the moment
     * each request was due to its complete answer, so requests queued behind a slow one count their wait.
     */
    static Figures fixedRate(String base, List<String> paths, int rate, int warmupSeconds, int seconds) throws InterruptedException {
        List<URL> urls = paths.stream().map(p -> {
            try {
                return URI.create(base + p).toURL();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger errors = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(32);
        long total = (long) rate * (warmupSeconds + seconds);
        long measuredFrom = (long) rate * warmupSeconds;
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime();
        for (long i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            boolean measured = i >= measuredFrom;
            URL url = urls.get((int) (i % urls.size()));
            pool.execute(() -> {
                boolean ok = get(url);
                if (measured) {
                    latencies.add(System.nanoTime() - due);
                    if (!ok) {
                        errors.incrementAndGet();
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.MINUTES);
        double elapsed = (System.nanoTime() - start) / 1e9 - warmupSeconds;
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Figures(sorted.length / elapsed, sorted[(int) (sorted.length * 0.50)] / 1e6,
                sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * 0.99) - 1)] / 1e6, errors.get());
    }

    /** One GET, its body read to the end (so the connection is kept alive for the thread's next request). */
    private static boolean get(URL url) {
        try {
            HttpURLConnection connection = (HttpURLConnection) url.openConnection();
            connection.setConnectTimeout(5_000);
            connection.setReadTimeout(10_000);
            int status = connection.getResponseCode();
            try (InputStream body = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
                if (body != null) {
                    body.readAllBytes();
                }
            }
            return status == 200;
        } catch (IOException e) {
            return false;
        }
    }
}
