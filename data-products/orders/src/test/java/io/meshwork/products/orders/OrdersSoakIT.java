package io.meshwork.products.orders;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshwork.test.ProductProcess;
import io.meshwork.testkit.junit.KafkaClusterExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bounded soak: the orders product as its own process with a fixed heap, fed at a steady rate for ten minutes
 * ({@code -Dmeshwork.soak.duration=PT10M}), its resident memory and heap sampled every ten seconds. After a two-minute
 * warm-up its resident memory may not trend upwards (the heap's sawtooth is reported, not judged). Run with
 * {@code ./mvnw -B verify -Psoak -pl data-products/orders -am}.
 */
@Tag("soak")
class OrdersSoakIT {

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = KafkaClusterExtension.singleBroker();

    private static final Duration SAMPLE_EVERY = Duration.ofSeconds(10);
    private static final int PER_SAMPLE = 2_000;
    private static final Duration WARM_UP = Duration.ofMinutes(2);
    private static final Pattern HEAP = Pattern.compile("(?m)^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*\\} (\\S+)$");

    @TempDir
    Path dir;

    record Sample(long seconds, long rssKb, double heapMb, double published) {
    }

    @Test
    void memoryHasNoUpwardTrendUnderASteadyStream() throws Exception {
        Duration soak = Duration.parse(System.getProperty("meshwork.soak.duration", "PT10M"));
        KAFKA.createTopic(OrdersProduct.ORDERS_PLACED, 4);
        Map<String, String> env = Map.of("KAFKA_BOOTSTRAP_SERVERS", KAFKA.bootstrapServers(),
                "KAFKA_PROCESSING_GUARANTEE", "exactly_once_v2", "MESHWORK_STATE_DIR", dir.resolve("state").toString());
        List<Sample> samples = new ArrayList<>();
        try (ProductProcess product = ProductProcess.start(OrdersProduct.class.getName(), env, dir.resolve("orders.log"), "-Xmx256m");
             OrderStream orders = new OrderStream(KAFKA.bootstrapServers())) {
            product.awaitReady(Duration.ofSeconds(90));
            long started = System.nanoTime();
            while (System.nanoTime() - started < soak.toNanos()) {
                long round = System.nanoTime();
                orders.send(PER_SAMPLE, Instant.now().minus(Duration.ofMinutes(1)));
                long left = SAMPLE_EVERY.toNanos() - (System.nanoTime() - round);
                if (left > 0) {
                    Thread.sleep(left / 1_000_000); // the steady rate itself, not a wait for a condition
                }
                String metrics = product.get("/metrics").map(r -> r.body()).orElse("");
                samples.add(new Sample((System.nanoTime() - started) / 1_000_000_000, product.residentKb(), heapMb(metrics),
                        published(metrics)));
            }
            assertThat(product.isAlive()).isTrue();
        }
        samples.forEach(s -> System.out.printf("soak t=%ds rss=%d KiB heap=%.1f MiB published=%.0f%n",
                s.seconds(), s.rssKb(), s.heapMb(), s.published()));
        // The JIT and the heap grow to their working size in the first minute or two: judge the rest.
        List<Sample> settled = samples.stream().filter(sample -> sample.seconds() >= WARM_UP.toSeconds()).toList();
        assertThat(settled).as("samples after the warm-up").hasSizeGreaterThanOrEqualTo(6);
        double rssGrowth = relativeGrowth(settled.stream().mapToDouble(Sample::rssKb).toArray());
        System.out.printf("soak: %d samples, RSS trend over the settled part %+.1f%%, heap trend %+.1f%%%n", samples.size(),
                100 * rssGrowth, 100 * relativeGrowth(settled.stream().mapToDouble(Sample::heapMb).toArray()));
        assertThat(samples.get(samples.size() - 1).published()).isGreaterThan(0);
        assertThat(rssGrowth).as("RSS growth over the settled part of the soak").isLessThan(0.10);
    }

    /** The least-squares slope across the samples, as a share of their mean: how much they grew over the window. */
    static double relativeGrowth(double[] values) {
        int n = values.length;
        double meanX = (n - 1) / 2.0;
        double meanY = Arrays.stream(values).average().orElse(0);
        double covariance = 0;
        double variance = 0;
        for (int i = 0; i < n; i++) {
            covariance += (i - meanX) * (values[i] - meanY);
            variance += (i - meanX) * (i - meanX);
        }
        return variance == 0 || meanY == 0 ? 0 : covariance / variance * (n - 1) / meanY;
    }

    private static double heapMb(String metrics) {
        Matcher m = HEAP.matcher(metrics);
        double bytes = 0;
        while (m.find()) {
            bytes += Double.parseDouble(m.group(1));
        }
        return bytes / (1024 * 1024);
    }

    private static double published(String metrics) {
        Matcher m = Pattern.compile("(?m)^dataproduct_records_out_total\\{[^}]*\\} (\\S+)$").matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
