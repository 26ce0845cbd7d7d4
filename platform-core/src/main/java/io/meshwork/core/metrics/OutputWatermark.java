package io.meshwork.core.metrics;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The newest record timestamp already on a topic, in one Admin call ({@code ListOffsets} with
 * {@link OffsetSpec#maxTimestamp()}): where freshness starts after a restart.
 */
public final class OutputWatermark {

    private static final Logger LOG = LoggerFactory.getLogger(OutputWatermark.class);
    private static final long TIMEOUT_SECONDS = 10;

    private OutputWatermark() {
    }

    /** The largest record timestamp over the partitions of {@code topic}; empty when it is empty or unknown. */
    public static Optional<Instant> newest(Admin admin, String topic) {
        try {
            Map<TopicPartition, OffsetSpec> partitions = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS).get(topic).partitions().stream()
                    .collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.maxTimestamp()));
            return admin.listOffsets(partitions).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).values().stream()
                    .filter(info -> info.offset() >= 0 && info.timestamp() >= 0)
                    .map(ListOffsetsResult.ListOffsetsResultInfo::timestamp)
                    .max(Long::compare)
                    .map(Instant::ofEpochMilli);
        } catch (ExecutionException | TimeoutException | KafkaException e) {
            LOG.warn("Cannot read the newest timestamp on {}; freshness starts with the first new record: {}", topic, e.toString());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
