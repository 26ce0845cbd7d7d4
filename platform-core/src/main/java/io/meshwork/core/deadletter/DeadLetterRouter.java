package io.meshwork.core.deadletter;

import io.meshwork.core.metrics.FlowMetrics;
import io.meshwork.core.validation.Violation;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.ErrorHandlerContext;

/**
 * Builds dead-letter records for the Kafka Streams exception handlers and counts them. The records are handed
 * back to Kafka Streams in the handler's response, so Streams itself produces them (inside the transaction under
 * {@code exactly_once_v2}): no hand-written producer.
 */
public final class DeadLetterRouter {

    /** Streams config key under which the runtime passes the router to the handlers. */
    public static final String CONFIG = "meshwork.dead.letter.router";

    private final String topic;
    private final String product;
    private final String contractVersion;
    private final FlowMetrics metrics;

    public DeadLetterRouter(String topic, String product, String contractVersion, FlowMetrics metrics) {
        this.topic = topic;
        this.product = product;
        this.contractVersion = contractVersion;
        this.metrics = metrics;
    }

    /** The dead-letter topic. */
    public String topic() {
        return topic;
    }

    /** The product's contract version, stamped on every dead-letter record. */
    public String contractVersion() {
        return contractVersion;
    }

    /** The product name, stamped on every dead-letter record. */
    public String product() {
        return product;
    }

    /** The flow counters the handlers update. */
    public FlowMetrics metrics() {
        return metrics;
    }

    /**
     * A dead-letter record carrying the original key and value bytes and the headers saying why.
     * Counts it under {@code reason}.
     */
    public ProducerRecord<byte[], byte[]> deadLetter(ErrorHandlerContext context, byte[] key, byte[] value,
                                                     DeadLetterReason reason, Violation why) {
        return deadLetter(context, key, value, reason, why, context.timestamp() < 0 ? null : context.timestamp());
    }

    /** Like {@link #deadLetter(ErrorHandlerContext, byte[], byte[], DeadLetterReason, Violation)}, stamped {@code timestamp} (null: now). */
    public ProducerRecord<byte[], byte[]> deadLetter(ErrorHandlerContext context, byte[] key, byte[] value,
                                                     DeadLetterReason reason, Violation why, Long timestamp) {
        RecordHeaders headers = new RecordHeaders();
        context.headers().forEach(h -> headers.add(h.key(), h.value()));
        DeadLetterHeaders.write(headers, reason, List.of(why),
                new SourcePosition(context.topic() == null ? "" : context.topic(), context.partition(), context.offset()),
                product, contractVersion);
        metrics.recordDeadLetter(reason);
        return new ProducerRecord<>(topic, null, timestamp, key, value, headers);
    }

    /** The router the runtime put into the Streams configs. */
    static DeadLetterRouter from(Map<String, ?> configs) {
        Object router = configs.get(CONFIG);
        if (!(router instanceof DeadLetterRouter)) {
            throw new IllegalStateException("Meshwork dead-letter handlers need the product runtime's " + CONFIG + " config");
        }
        return (DeadLetterRouter) router;
    }
}
