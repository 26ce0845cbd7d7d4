package io.meshwork.benchmarks.e2e;

import io.meshwork.products.orders.OrderTraffic;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * End-to-end latency of one app at a fixed input rate: a producer sends orders whose event time (in the JSON and as
 * the record timestamp) is the moment of sending, at {@code rate} records/s, paced every millisecond; a
 * {@code read_committed} consumer of the app's output takes, for every record, the time it became visible minus its
 * timestamp (both apps publish the source event time as the output timestamp). Records are counted once the first
 * output has appeared and the warm-up has passed.
 */
final class Latency {

    /** Percentiles and count of one run, in milliseconds. */
    record Figures(double p50, double p99, double max, int count, double achievedRate) {
    }

    private Latency() {
    }

    static Figures measure(String bootstrap, String input, String output, int partitions, int rate, Duration warmup,
                           Duration measured, AppProcess app) throws InterruptedException {
        AtomicBoolean sending = new AtomicBoolean(true);
        long[] firstOutput = {0};
        List<Long> latencies = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 1), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> all = new ArrayList<>();
            for (int p = 0; p < partitions; p++) {
                all.add(new TopicPartition(output, p));
            }
            consumer.assign(all);
            consumer.seekToEnd(all);
            all.forEach(consumer::position);
            long[] measureFrom = {Long.MAX_VALUE};
            long[] sent = {0};
            Thread producerThread = new Thread(() -> produce(bootstrap, input, rate, sending, sent), "fixed-rate-producer");
            producerThread.start();
            long deadline = System.currentTimeMillis() + TimeUnit.MINUTES.toMillis(3);
            long stopAt = Long.MAX_VALUE;
            try {
                while (System.currentTimeMillis() < (stopAt == Long.MAX_VALUE ? deadline : Math.min(deadline, stopAt + 3_000))) {
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(20))) {
                        long now = System.currentTimeMillis();
                        if (firstOutput[0] == 0) {
                            firstOutput[0] = now;
                            measureFrom[0] = now + warmup.toMillis();
                            stopAt = measureFrom[0] + measured.toMillis();
                        }
                        if (record.timestamp() >= measureFrom[0] && record.timestamp() < stopAt) {
                            latencies.add(now - record.timestamp());
                        }
                    }
                    if (System.currentTimeMillis() >= stopAt) {
                        sending.set(false);
                    }
                    if (!app.process().isAlive()) {
                        throw new IllegalStateException("the app exited during the latency run");
                    }
                }
            } finally {
                sending.set(false);
                producerThread.join();
            }
            if (firstOutput[0] == 0) {
                throw new IllegalStateException("no output within 3 minutes");
            }
        }
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        if (sorted.length == 0) {
            throw new IllegalStateException("no record in the measured window");
        }
        return new Figures(percentile(sorted, 0.50), percentile(sorted, 0.99), sorted[sorted.length - 1], sorted.length,
                sorted.length / (measured.toMillis() / 1000.0));
    }

    private static double percentile(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    /** Sends {@code rate} orders per second until {@code sending} turns false, paced every millisecond. */
    private static void produce(String bootstrap, String topic, int rate, AtomicBoolean sending, long[] sent) {
        Random random = new Random(11);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.LINGER_MS_CONFIG, 0),
                new StringSerializer(), new StringSerializer())) {
            long start = System.nanoTime();
            while (sending.get()) {
                long due = (System.nanoTime() - start) * rate / 1_000_000_000L;
                while (sent[0] < due) {
                    long now = System.currentTimeMillis();
                    String customer = OrderTraffic.customerId(random.nextInt(500));
                    producer.send(new ProducerRecord<>(topic, null, now, customer,
                            OrderTraffic.orderPlaced(random, customer, Instant.ofEpochMilli(now)).toString()));
                    sent[0]++;
                }
                LockSupport.parkNanos(1_000_000L);
            }
        }
    }

    static String describe(Figures f) {
        return String.format(java.util.Locale.ROOT, "p50 %.0f ms, p99 %.0f ms, max %.0f ms (%d records, %.0f/s)",
                f.p50(), f.p99(), f.max(), f.count(), f.achievedRate());
    }

    static double[] values(List<Figures> figures, java.util.function.ToDoubleFunction<Figures> of) {
        return figures.stream().mapToDouble(of).toArray();
    }

    static String spread(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length == 1 ? String.format(java.util.Locale.ROOT, "%.0f", sorted[0])
                : String.format(java.util.Locale.ROOT, "%.0f (%.0f–%.0f)", Arrays.stream(sorted).average().orElse(0),
                sorted[0], sorted[sorted.length - 1]);
    }
}
