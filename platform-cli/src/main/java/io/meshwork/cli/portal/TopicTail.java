package io.meshwork.cli.portal;

import io.meshwork.core.json.Json;
import io.meshwork.core.port.MeshworkHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.core.JacksonException;

/**
 * The latest records of a topic, newest first, read with one consumer that belongs to no group: the last few of each
 * partition, merged by timestamp. Dead letters come with the reason headers the platform stamped on them.
 */
final class TopicTail implements AutoCloseable {

    private static final Duration PATIENCE = Duration.ofSeconds(5);

    private final KafkaConsumer<String, String> consumer;

    TopicTail(String bootstrapServers) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        this.consumer = new KafkaConsumer<>(settings, new StringDeserializer(), new StringDeserializer());
    }

    /** Up to {@code count} of the newest records on {@code topic}: key, value (JSON when it is), position, headers. */
    synchronized List<Map<String, Object>> latest(String topic, int count) {
        List<PartitionInfo> partitions = consumer.partitionsFor(topic, PATIENCE);
        if (partitions == null || partitions.isEmpty()) {
            return List.of();
        }
        List<TopicPartition> assigned = partitions.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(assigned);
        Map<TopicPartition, Long> begin = consumer.beginningOffsets(assigned, PATIENCE);
        Map<TopicPartition, Long> end = consumer.endOffsets(assigned, PATIENCE);
        assigned.forEach(tp -> consumer.seek(tp, Math.max(begin.get(tp), end.get(tp) - count)));
        List<ConsumerRecord<String, String>> read = new ArrayList<>();
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (assigned.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp)) && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(100)).forEach(read::add);
        }
        consumer.assign(List.of());
        return read.stream()
                .sorted(Comparator.comparingLong((ConsumerRecord<String, String> r) -> r.timestamp()).reversed())
                .limit(count)
                .map(TopicTail::toJson)
                .toList();
    }

    private static Map<String, Object> toJson(ConsumerRecord<String, String> record) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("partition", record.partition());
        json.put("offset", record.offset());
        json.put("timestamp", Instant.ofEpochMilli(record.timestamp()).toString());
        json.put("key", record.key());
        json.put("value", value(record.value()));
        Map<String, String> reason = new LinkedHashMap<>();
        for (String name : List.of(MeshworkHeaders.KIND, MeshworkHeaders.RULE, MeshworkHeaders.PATH, MeshworkHeaders.MESSAGE)) {
            Header header = record.headers().lastHeader(name);
            if (header != null && header.value() != null) {
                reason.put(name.substring(name.lastIndexOf('.') + 1), new String(header.value(), StandardCharsets.UTF_8));
            }
        }
        if (!reason.isEmpty()) {
            json.put("reason", reason);
        }
        return json;
    }

    private static Object value(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Json.mapper().readTree(text);
        } catch (JacksonException e) {
            return text;
        }
    }

    @Override
    public synchronized void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
