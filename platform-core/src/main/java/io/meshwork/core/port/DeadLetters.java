package io.meshwork.core.port;

import io.meshwork.core.contract.Contract;
import io.meshwork.core.contract.Violation;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.InvalidTimestampException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.Header;
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

    /** What a record costs beyond its key, value and headers, rounded up (batch and record framing). */
    private static final int RECORD_OVERHEAD = 256;

    private final String topic;
    private final String product;
    private final String contractVersion;
    private final RecordCounter counter;
    private final int maxRecordBytes;

    /**
     * @param maxRecordBytes the largest record the product's producer sends ({@code max.request.size}): under
     *                       {@code exactly_once_v2} one refused record aborts the whole transaction, so records are
     *                       measured before they are sent, never refused
     */
    DeadLetters(Contract contract, RecordCounter counter, int maxRecordBytes) {
        this.topic = contract.ports().deadLetter();
        this.product = contract.identity().qualifiedName();
        this.contractVersion = contract.version();
        this.counter = counter;
        this.maxRecordBytes = maxRecordBytes;
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
        if (size(key == null ? 0 : key.length, value, headers) > maxRecordBytes) {
            omit(headers, key == null ? 0 : key.length, value);
            return new ProducerRecord<>(topic, null, timestamp, null, null, headers);
        }
        return new ProducerRecord<>(topic, null, timestamp, key, value, headers);
    }

    /** Whether Kafka refused a record for what it is (its timestamp, its size), not for the state of the cluster. */
    static boolean aboutTheRecord(Exception refusal) {
        return refusal instanceof InvalidTimestampException || tooLarge(refusal);
    }

    private static boolean tooLarge(Exception refusal) {
        return refusal instanceof RecordTooLargeException || refusal instanceof RecordBatchTooLargeException;
    }

    /** Whether a record of this key, value and headers is small enough for Kafka to take it. */
    boolean fits(String key, byte[] value, Headers headers) {
        return size(key == null ? 0 : key.getBytes(StandardCharsets.UTF_8).length, value, headers) <= maxRecordBytes;
    }

    /**
     * Marks a dead letter that goes without its key and value because they are too large; the source headers say
     * where to read the original.
     *
     * @return the value to write instead: none
     */
    byte[] omit(Headers headers, String key, byte[] value) {
        omit(headers, key == null ? 0 : key.getBytes(StandardCharsets.UTF_8).length, value);
        return null;
    }

    private static void omit(Headers headers, int keyBytes, byte[] value) {
        MeshworkHeaders.valueOmitted(headers, "key and value (" + (keyBytes + (value == null ? 0 : value.length))
                + " bytes) too large for the dead-letter topic; read them at the source position");
    }

    private static int size(int keyBytes, byte[] value, Headers headers) {
        int size = RECORD_OVERHEAD + keyBytes + (value == null ? 0 : value.length);
        for (Header header : headers) {
            size += header.key().length() + (header.value() == null ? 0 : header.value().length);
        }
        return size;
    }

    /**
     * A dead letter Kafka refused, made writable (under {@code at_least_once}; under {@code exactly_once_v2} the
     * refusal has already aborted the transaction, which is why records are measured before they are sent): stamped now when its timestamp was refused, without its value
     * (the headers still say why and where to read the original) when it was too large. Empty when it was already
     * made writable once, or when the refusal is not about the record: then nothing can be done for it here.
     */
    Optional<ProducerRecord<byte[], byte[]>> writable(ProducerRecord<byte[], byte[]> refused, Exception why) {
        if (refused.headers().lastHeader(MeshworkHeaders.VALUE_OMITTED) != null) {
            return Optional.empty();
        }
        long now = System.currentTimeMillis();
        Headers headers = new RecordHeaders(refused.headers().toArray());
        if (why instanceof InvalidTimestampException) {
            return Optional.of(new ProducerRecord<>(topic, null, now, refused.key(), refused.value(), headers));
        }
        if (tooLarge(why)) {
            omit(headers, refused.key() == null ? 0 : refused.key().length, refused.value());
            return Optional.of(new ProducerRecord<>(topic, null, now, null, null, headers));
        }
        return Optional.empty();
    }

    /**
     * {@code timestamp}, or {@code now} where the broker would refuse it (negative, or more than
     * {@link #MAX_FUTURE_TIMESTAMP} ahead): a dead letter must always be writable, or one bad record stops the product.
     */
    static long writableTimestamp(long timestamp, long now) {
        return timestamp < 0 || tooFarAhead(timestamp, now) ? now : timestamp;
    }

    /** Whether brokers refuse a record with this timestamp: more than {@link #MAX_FUTURE_TIMESTAMP} ahead of {@code now}. */
    static boolean tooFarAhead(long timestamp, long now) {
        return timestamp - now > MAX_FUTURE_TIMESTAMP.toMillis();
    }
}
