package io.meshwork.core.registry;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mesh's contract registry: the compacted topic {@value #TOPIC}, one record per product keyed
 * {@code <domain>/<name>}, whose value is the {@link Registration} of the instance that started last. Products
 * write it at start; the catalog, the mesh lineage and the portal read it, so they show what runs, wherever its code
 * and contract live.
 */
public final class ContractRegistry {

    /** The registry topic. */
    public static final String TOPIC = "meshwork.contracts";

    private static final Logger LOG = LoggerFactory.getLogger(ContractRegistry.class);

    private final Map<String, Object> kafka;

    /**
     * @param kafka Kafka client settings ({@code bootstrap.servers}, security); settings that are not producer or
     *              consumer settings are ignored
     */
    public ContractRegistry(Map<String, Object> kafka) {
        this.kafka = Map.copyOf(kafka);
    }

    /** The registry topic as created when missing: compacted, one partition, so a reader sees one order. */
    public static NewTopic topic() {
        return new NewTopic(TOPIC, Optional.of(1), Optional.empty())
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
    }

    /**
     * Every product registered now: the latest registration of each key, read from the start of the topic to its end
     * as of this call. Empty when the topic does not exist. A value that is not a registration is skipped.
     *
     * @throws KafkaException if Kafka does not answer within {@code within}, or refuses access
     */
    public Map<String, Registration> read(Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerSettings(),
                new StringDeserializer(), new StringDeserializer())) {
            List<PartitionInfo> partitions = consumer.partitionsFor(TOPIC, within);
            if (partitions == null || partitions.isEmpty()) {
                return Map.of();
            }
            List<TopicPartition> assigned = partitions.stream().map(p -> new TopicPartition(TOPIC, p.partition())).toList();
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            Map<TopicPartition, Long> end = consumer.endOffsets(assigned, within);
            Map<String, Registration> registered = new LinkedHashMap<>();
            while (!caughtUp(consumer, end)) {
                if (System.nanoTime() > deadline) {
                    throw new KafkaException("the registry " + TOPIC + " was not read to its end within " + within);
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    accept(registered, record);
                }
            }
            return registered;
        }
    }

    /**
     * Publishes {@code registration} and waits for Kafka to acknowledge it.
     *
     * @throws KafkaException if Kafka does not acknowledge it within {@code within}, or refuses it
     */
    public void publish(Registration registration, Duration within) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerSettings(within),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(TOPIC, registration.product(), registration.toJson()))
                    .get(within.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted while registering " + registration.product(), e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof KafkaException kafkaException ? kafkaException
                    : new KafkaException(e.getCause());
        } catch (TimeoutException e) {
            throw new KafkaException("Kafka did not acknowledge the registration of " + registration.product()
                    + " within " + within, e);
        }
    }

    private static boolean caughtUp(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    private static void accept(Map<String, Registration> registered, ConsumerRecord<String, String> record) {
        if (record.key() == null) {
            return;
        }
        if (record.value() == null) {
            registered.remove(record.key()); // a tombstone: the product was deregistered
            return;
        }
        try {
            registered.put(record.key(), Registration.fromJson(record.value()));
        } catch (RuntimeException e) {
            LOG.warn("Skipping registry record {} at offset {}: not a registration ({})", record.key(), record.offset(),
                    e.getMessage());
        }
    }

    private Map<String, Object> consumerSettings() {
        Map<String, Object> settings = only(ConsumerConfig.configNames());
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        settings.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        settings.remove(ConsumerConfig.GROUP_ID_CONFIG);
        return settings;
    }

    private Map<String, Object> producerSettings(Duration within) {
        Map<String, Object> settings = only(ProducerConfig.configNames());
        settings.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, within.toMillis());
        return settings;
    }

    private Map<String, Object> only(Set<String> names) {
        Map<String, Object> settings = new HashMap<>();
        kafka.forEach((key, value) -> {
            if (names.contains(key)) {
                settings.put(key, value);
            }
        });
        return settings;
    }
}
