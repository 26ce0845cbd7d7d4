package io.meshwork.core.port;

import io.meshwork.core.contract.Contract;
import io.meshwork.core.contract.Violation;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.ErrorHandlerContext;

/**
 * The one place dead letters are made, for every failure kind: stamps {@link MeshworkHeaders} saying why and where
 * the record came from, counts it, and keeps its timestamp one the broker accepts. Records the output port turns
 * away leave through the port's dead-letter sink; the Kafka Streams handlers hand theirs back to Streams in their
 * response (KIP-1034). Either way Kafka Streams produces them, inside the transaction under {@code exactly_once_v2}.
 */
final class DeadLetters {

    /** Brokers refuse records more than this far in the future ({@code message.timestamp.after.max.ms}, 1 h). */
    static final Duration MAX_FUTURE_TIMESTAMP = Duration.ofHours(1);

    private final String topic;
    private final String product;
    private final String contractVersion;
    private final RecordCounter counter;

    DeadLetters(Contract contract, RecordCounter counter) {
        this.topic = contract.ports().deadLetter();
        this.product = contract.identity().qualifiedName();
        this.contractVersion = contract.version();
        this.counter = counter;
    }

    /** The dead-letter topic. */
    String topic() {
        return topic;
    }

    /** Stamps and counts a record the output port turns away. */
    void stamp(Headers headers, DeadLetterReason reason, List<Violation> violations, MeshworkHeaders.Source source) {
        MeshworkHeaders.deadLetter(headers, reason, violations, source, product, contractVersion);
        counter.deadLettered(reason);
    }

    /**
     * A dead-letter record for a Kafka Streams handler's response: the original key and value bytes, the input
     * record's headers plus ours. Counted. A record Kafka refused is stamped with the current time, since its own
     * timestamp may be why.
     */
    ProducerRecord<byte[], byte[]> record(ErrorHandlerContext context, byte[] key, byte[] value, DeadLetterReason reason,
                                          Violation why) {
        RecordHeaders headers = new RecordHeaders();
        context.headers().forEach(h -> headers.add(h.key(), h.value()));
        stamp(headers, reason, List.of(why), new MeshworkHeaders.Source(context.topic(), context.partition(), context.offset()));
        long now = System.currentTimeMillis();
        long timestamp = reason == DeadLetterReason.PRODUCTION ? now : writableTimestamp(context.timestamp(), now);
        return new ProducerRecord<>(topic, null, timestamp, key, value, headers);
    }

    /**
     * {@code timestamp}, or {@code now} where the broker would refuse it (negative, or more than
     * {@link #MAX_FUTURE_TIMESTAMP} ahead): a dead letter must always be writable, or one bad record stops the product.
     */
    static long writableTimestamp(long timestamp, long now) {
        return timestamp < 0 || timestamp - now > MAX_FUTURE_TIMESTAMP.toMillis() ? now : timestamp;
    }
}
