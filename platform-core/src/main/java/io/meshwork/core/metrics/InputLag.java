package io.meshwork.core.metrics;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListStreamsGroupOffsetsSpec;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code dataproduct_input_lag_records{topic}} and {@code dataproduct_input_lag_seconds{topic}}: how far the
 * product's consumer group is behind each input topic, refreshed in the background.
 *
 * <ul>
 *   <li>records: the sum over the topic's partitions of (end offset − committed offset of the group), from two
 *       Admin calls; the end offset is the last stable offset under {@code exactly_once_v2}, as the product reads
 *       it. A partition the group never committed counts from its log start (Kafka Streams reads from the
 *       earliest offset), or not at all when {@code auto.offset.reset=latest}.</li>
 *   <li>seconds: the age (now − Kafka timestamp) of the oldest record not yet processed, the maximum over the
 *       topic's partitions; 0 when there is no lag. Only lagging partitions are probed: one small fetch at the
 *       committed offset each.</li>
 * </ul>
 * The values are the whole group's, so every instance of a product reports the same lag. Both read NaN before
 * the first refresh and when the broker cannot be asked.
 */
public final class InputLag implements AutoCloseable {

    /** Micrometer name of the lag in records ({@code dataproduct_input_lag_records}). */
    public static final String RECORDS = "dataproduct.input.lag.records";
    /** Micrometer name of the lag in seconds ({@code dataproduct_input_lag_seconds}). */
    public static final String SECONDS = "dataproduct.input.lag.seconds";

    private static final Logger LOG = LoggerFactory.getLogger(InputLag.class);
    private static final long ADMIN_TIMEOUT_MS = 10_000;
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);
    private static final Lag UNKNOWN = new Lag(Double.NaN, Double.NaN);

    private final Admin admin;
    private final String groupId;
    private final boolean streamsGroup;
    private final boolean fromEarliest;
    private final IsolationLevel isolation;
    private final List<String> topics;
    private final Map<String, Object> probeSettings;
    private final Clock clock;
    private final Map<String, Lag> current = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler;
    private KafkaConsumer<byte[], byte[]> probe;
    private boolean failing;

    private InputLag(Admin admin, Properties streams, Collection<String> topics, MeterRegistry registry) {
        this.admin = admin;
        this.groupId = streams.getProperty(StreamsConfig.APPLICATION_ID_CONFIG);
        this.streamsGroup = "streams".equalsIgnoreCase(String.valueOf(streams.get(StreamsConfig.GROUP_PROTOCOL_CONFIG)));
        this.fromEarliest = !"latest".equalsIgnoreCase(String.valueOf(streams.get(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG)));
        this.isolation = String.valueOf(streams.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).startsWith("exactly_once")
                ? IsolationLevel.READ_COMMITTED : IsolationLevel.READ_UNCOMMITTED;
        this.topics = List.copyOf(topics);
        this.probeSettings = probeSettings(streams, groupId, isolation);
        this.clock = registry.config().clock();
        for (String topic : this.topics) {
            Gauge.builder(RECORDS, current, lag -> lag.getOrDefault(topic, UNKNOWN).records())
                    .tag("topic", topic)
                    .description("Records in the input topic not yet committed as processed by the product")
                    .register(registry);
            Gauge.builder(SECONDS, current, lag -> lag.getOrDefault(topic, UNKNOWN).seconds())
                    .tag("topic", topic)
                    .description("Age of the oldest input record not yet processed; 0 without lag")
                    .register(registry);
        }
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, groupId + "-input-lag");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Registers the lag gauges of {@code topics} and refreshes them every {@code interval}.
     *
     * @param admin   an admin client of the product's cluster; not closed here
     * @param streams the product's Kafka Streams properties (application id, guarantee, client security)
     */
    public static InputLag start(Admin admin, Properties streams, Collection<String> topics, Duration interval,
                                 MeterRegistry registry) {
        InputLag lag = new InputLag(admin, streams, topics, registry);
        if (!lag.topics.isEmpty()) {
            lag.scheduler.scheduleWithFixedDelay(lag::refresh, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        }
        return lag;
    }

    /** Measures once, now; normally the schedule does it. */
    void refresh() {
        try {
            Map<String, List<TopicPartition>> partitions = partitions();
            List<TopicPartition> all = partitions.values().stream().flatMap(List::stream).toList();
            Map<TopicPartition, Long> ends = offsets(all, OffsetSpec.latest());
            Map<TopicPartition, Long> positions = positions(all);
            Map<TopicPartition, Long> lagging = new HashMap<>();
            for (TopicPartition partition : all) {
                if (ends.get(partition) > positions.get(partition)) {
                    lagging.put(partition, positions.get(partition));
                }
            }
            Map<TopicPartition, Long> oldest = oldestUnprocessed(lagging);
            long now = clock.wallTime();
            for (String topic : topics) {
                List<TopicPartition> own = partitions.get(topic);
                if (own == null) {
                    current.put(topic, UNKNOWN);
                    continue;
                }
                long records = own.stream().mapToLong(p -> Math.max(0, ends.get(p) - positions.get(p))).sum();
                double seconds = own.stream().filter(lagging::containsKey)
                        .mapToDouble(p -> oldest.containsKey(p) ? Math.max(0, now - oldest.get(p)) / 1000.0 : Double.NaN)
                        .reduce(0, InputLag::maxKeepingNaN);
                current.put(topic, new Lag(records, seconds));
            }
            if (failing) {
                LOG.info("Input lag of {} is measured again", groupId);
                failing = false;
            }
        } catch (ExecutionException | TimeoutException | KafkaException e) {
            topics.forEach(topic -> current.put(topic, UNKNOWN));
            if (!failing) {
                LOG.warn("Cannot measure the input lag of {}: {}", groupId, e.toString());
                failing = true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Map<String, List<TopicPartition>> partitions() throws InterruptedException {
        Map<String, List<TopicPartition>> partitions = new HashMap<>();
        for (var entry : admin.describeTopics(topics).topicNameValues().entrySet()) {
            try {
                TopicDescription description = entry.getValue().get(ADMIN_TIMEOUT_MS, TimeUnit.MILLISECONDS);
                partitions.put(entry.getKey(), description.partitions().stream()
                        .map(p -> new TopicPartition(entry.getKey(), p.partition())).toList());
            } catch (ExecutionException | TimeoutException e) {
                // a missing input topic has no lag to speak of: it reads NaN until it exists
            }
        }
        return partitions;
    }

    private Map<TopicPartition, Long> positions(List<TopicPartition> partitions)
            throws ExecutionException, InterruptedException, TimeoutException {
        Map<TopicPartition, OffsetAndMetadata> committed = streamsGroup
                ? admin.listStreamsGroupOffsets(Map.of(groupId, new ListStreamsGroupOffsetsSpec()))
                        .partitionsToOffsetAndMetadata(groupId).get(ADMIN_TIMEOUT_MS, TimeUnit.MILLISECONDS)
                : admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata()
                        .get(ADMIN_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        List<TopicPartition> uncommitted = partitions.stream()
                .filter(p -> committed.get(p) == null).toList();
        Map<TopicPartition, Long> positions = new HashMap<>(
                offsets(uncommitted, fromEarliest ? OffsetSpec.earliest() : OffsetSpec.latest()));
        partitions.stream().filter(p -> committed.get(p) != null)
                .forEach(p -> positions.put(p, committed.get(p).offset()));
        return positions;
    }

    private Map<TopicPartition, Long> offsets(List<TopicPartition> partitions, OffsetSpec spec)
            throws ExecutionException, InterruptedException, TimeoutException {
        if (partitions.isEmpty()) {
            return Map.of();
        }
        return admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> spec)),
                        new ListOffsetsOptions(isolation))
                .all().get(ADMIN_TIMEOUT_MS, TimeUnit.MILLISECONDS)
                .entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    /** The Kafka timestamp of the first record at or after each position; partitions that returned none are left out. */
    private Map<TopicPartition, Long> oldestUnprocessed(Map<TopicPartition, Long> positions) {
        Map<TopicPartition, Long> timestamps = new HashMap<>();
        if (positions.isEmpty()) {
            return timestamps;
        }
        KafkaConsumer<byte[], byte[]> consumer = probe();
        consumer.assign(positions.keySet());
        positions.forEach(consumer::seek);
        long deadline = System.nanoTime() + PROBE_TIMEOUT.toNanos();
        while (timestamps.size() < positions.size() && System.nanoTime() < deadline) {
            List<TopicPartition> done = new ArrayList<>();
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                if (timestamps.putIfAbsent(partition, record.timestamp()) == null) {
                    done.add(partition);
                }
            }
            consumer.pause(done);
        }
        consumer.assign(List.of());
        return timestamps;
    }

    private KafkaConsumer<byte[], byte[]> probe() {
        if (probe == null) {
            probe = new KafkaConsumer<>(probeSettings, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        }
        return probe;
    }

    private static Map<String, Object> probeSettings(Properties streams, String groupId, IsolationLevel isolation) {
        Map<String, Object> settings = new HashMap<>();
        streams.forEach((key, value) -> {
            if (ConsumerConfig.configNames().contains(key.toString())) {
                settings.put(key.toString(), value);
            }
        });
        settings.keySet().removeIf(key -> key.startsWith("group.") || key.endsWith(".deserializer")
                || key.equals(ConsumerConfig.CLIENT_ID_CONFIG) || key.equals(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG));
        settings.put(ConsumerConfig.CLIENT_ID_CONFIG, groupId + "-lag-probe");
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // A committed offset that retention already deleted: the oldest unprocessed record is the log start.
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation.toString().toLowerCase(Locale.ROOT));
        settings.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 64 * 1024);
        return settings;
    }

    private static double maxKeepingNaN(double a, double b) {
        return Double.isNaN(a) || Double.isNaN(b) ? Double.NaN : Math.max(a, b);
    }

    /** The last measured lag of {@code topic}: records and seconds, NaN when unknown. */
    public Lag of(String topic) {
        return current.getOrDefault(topic, UNKNOWN);
    }

    @Override
    public void close() {
        scheduler.shutdown();
        try {
            if (!scheduler.awaitTermination(ADMIN_TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
                scheduler.shutdownNow();
                scheduler.awaitTermination(ADMIN_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // The scheduler's thread owned the probe; it has stopped.
        if (probe != null) {
            probe.close(CloseOptions.timeout(Duration.ofSeconds(5)));
        }
    }

    /**
     * Lag of one input topic.
     *
     * @param records records not yet processed
     * @param seconds age of the oldest of them, 0 when there are none
     */
    public record Lag(double records, double seconds) {
    }
}
