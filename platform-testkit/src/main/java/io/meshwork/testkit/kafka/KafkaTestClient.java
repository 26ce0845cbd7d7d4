package io.meshwork.testkit.kafka;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Produces and consumes records for tests: string keys, byte-array values.
 *
 * <p>Produce calls are synchronous (acknowledged by all in-sync replicas when they return).
 * Consume calls read a topic from the beginning with a new consumer group each time, in
 * {@code read_committed} isolation (records of aborted or still-open transactions are not
 * seen), polling in a bounded loop.
 *
 * <p>Thread-safe for producing; each consume call uses its own consumer. Close it when done.
 */
public final class KafkaTestClient implements AutoCloseable {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);
    private static final long SEND_TIMEOUT_SECONDS = 30;

    private final String bootstrapServers;
    private final Map<String, Object> settings;
    private KafkaProducer<String, byte[]> producer;
    private boolean closed;

    /** A client for the cluster at {@code bootstrapServers}. Connects lazily. */
    public KafkaTestClient(String bootstrapServers) {
        this(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, Objects.requireNonNull(bootstrapServers, "bootstrapServers")));
    }

    /**
     * A client with these connection settings: {@code bootstrap.servers} and whatever else the cluster asks for,
     * such as the credentials of {@code EmbeddedKafkaCluster#clientSettings(String)}. Connects lazily.
     */
    public KafkaTestClient(Map<String, Object> settings) {
        this.settings = Map.copyOf(settings);
        this.bootstrapServers = String.valueOf(Objects.requireNonNull(settings.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG),
            "bootstrap.servers"));
    }

    /** A record header with a UTF-8 value, for the {@code produce} methods. */
    public static Header header(String key, String value) {
        return new RecordHeader(key, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    /** The value of a consumed record as UTF-8 text ({@code null} for a tombstone). */
    public static String valueAsString(ConsumerRecord<String, byte[]> record) {
        return record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8);
    }

    /** The values of consumed records as UTF-8 text, in order. */
    public static List<String> valuesAsStrings(List<ConsumerRecord<String, byte[]>> records) {
        List<String> values = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            values.add(valueAsString(record));
        }
        return values;
    }

    /**
     * Sends one record and waits for it to be acknowledged.
     *
     * @param key   record key, may be {@code null}
     * @param value record value, may be {@code null} (a tombstone)
     * @return where the record was written
     */
    public RecordMetadata produce(String topic, String key, byte[] value, Header... headers) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, null, key, value, Arrays.asList(headers));
        try {
            return producer().send(record).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot produce to topic '" + topic + "': " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Producing to topic '" + topic + "' not acknowledged within " + SEND_TIMEOUT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while producing to topic '" + topic + "'", e);
        }
    }

    /** Sends one record with a UTF-8 text value and waits for it to be acknowledged. */
    public RecordMetadata produce(String topic, String key, String value, Header... headers) {
        return produce(topic, key, value == null ? null : value.getBytes(StandardCharsets.UTF_8), headers);
    }

    /**
     * Sends one record whose value is the given JSON document, UTF-8 encoded, and waits for it to
     * be acknowledged. The text is sent as is: it is not parsed.
     */
    public RecordMetadata produceJson(String topic, String key, String json, Header... headers) {
        return produce(topic, key, Objects.requireNonNull(json, "json"), headers);
    }

    /**
     * Reads {@code topic} from the beginning until at least {@code expectedCount} records arrived,
     * and returns all records read (possibly more than expected), in per-partition order.
     *
     * @throws AssertionError if fewer than {@code expectedCount} records arrived within
     *                        {@code timeout}; the message says how many did, and which
     */
    public List<ConsumerRecord<String, byte[]>> consumeUntil(String topic, int expectedCount, Duration timeout) {
        List<ConsumerRecord<String, byte[]>> records = consume(topic, timeout, got -> got.size() >= expectedCount);
        if (records.size() < expectedCount) {
            throw new AssertionError("Expected at least " + expectedCount + " record(s) on topic '" + topic + "' within "
                + timeout.toMillis() + " ms, but got " + records.size() + describe(records));
        }
        return records;
    }

    /**
     * Reads {@code topic} from the beginning for the whole {@code window} and returns every record
     * read: use it to assert that exactly N records, or none, arrived.
     */
    public List<ConsumerRecord<String, byte[]>> consumeFor(String topic, Duration window) {
        return consume(topic, window, got -> false);
    }

    private List<ConsumerRecord<String, byte[]>> consume(String topic, Duration timeout,
                                                         Predicate<List<ConsumerRecord<String, byte[]>>> done) {
        ensureOpen();
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<String, byte[]> consumer = newConsumer()) {
            consumer.subscribe(List.of(topic));
            while (!done.test(records)) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    break;
                }
                Duration poll = Duration.ofNanos(Math.min(remaining, POLL_INTERVAL.toNanos()));
                consumer.poll(poll).forEach(records::add);
            }
        }
        return records;
    }

    private KafkaConsumer<String, byte[]> newConsumer() {
        Map<String, Object> config = new HashMap<>(settings);
        config.putAll(Map.of(
            ConsumerConfig.GROUP_ID_CONFIG, "meshwork-testkit-" + UUID.randomUUID(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
            ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"));
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private synchronized KafkaProducer<String, byte[]> producer() {
        ensureOpen();
        if (producer == null) {
            Map<String, Object> config = new HashMap<>(settings);
            config.put(ProducerConfig.ACKS_CONFIG, "all");
            config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
            producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    private synchronized void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("KafkaTestClient for " + bootstrapServers + " is closed");
        }
    }

    private static String describe(List<ConsumerRecord<String, byte[]>> records) {
        if (records.isEmpty()) {
            return "";
        }
        return records.stream()
            .limit(20)
            .map(r -> r.partition() + "@" + r.offset() + " " + r.key() + "=" + abbreviate(valueAsString(r)))
            .collect(Collectors.joining(", ", ": [", records.size() > 20 ? ", ...]" : "]"));
    }

    private static String abbreviate(String value) {
        return value == null || value.length() <= 80 ? value : value.substring(0, 77) + "...";
    }

    /** Closes the producer, if one was opened. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
