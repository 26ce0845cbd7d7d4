package io.meshwork.core.port;

import io.meshwork.core.contract.Contract;
import io.meshwork.core.deadletter.DeadLetterHeaders;
import io.meshwork.core.deadletter.DeadLetterReason;
import io.meshwork.core.deadletter.SourcePosition;
import io.meshwork.core.json.Json;
import io.meshwork.core.metrics.FlowMetrics;
import io.meshwork.core.validation.RecordValidator;
import io.meshwork.core.validation.Violation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import tools.jackson.databind.JsonNode;

/**
 * Judges each record bound for the output port: turns the value into a JSON tree once, validates it against the
 * contract, checks the key field, and stamps either provenance headers (valid) or dead-letter headers (invalid).
 * Counts both outcomes.
 */
final class ContractGate<K, V> implements FixedKeyProcessor<K, V, Verdict> {

    /** Brokers refuse records more than this far in the future (message.timestamp.after.max.ms, 1 hour by default). */
    static final Duration MAX_FUTURE_EVENT_TIME = Duration.ofHours(1);

    private final Contract contract;
    private final RecordValidator validator;
    private final FlowMetrics metrics;
    private FixedKeyProcessorContext<K, Verdict> context;

    ContractGate(Contract contract, RecordValidator validator, FlowMetrics metrics) {
        this.contract = contract;
        this.validator = validator;
        this.metrics = metrics;
    }

    @Override
    public void init(FixedKeyProcessorContext<K, Verdict> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<K, V> record) {
        JsonNode tree = record.value() == null ? Json.mapper().nullNode() : Json.mapper().valueToTree(record.value());
        List<Violation> violations = violations(tree, record.timestamp());
        SourcePosition source = source();
        String product = contract.identity().qualifiedName();
        if (violations.isEmpty()) {
            ProvenanceHeaders.write(record.headers(), source, product, contract.version());
            // The record's timestamp here is its event time: freshness and end-to-end latency are measured on it.
            metrics.recordOut(record.timestamp());
        } else {
            DeadLetterHeaders.write(record.headers(), DeadLetterReason.CONTRACT, violations, source, product, contract.version());
            metrics.recordDeadLetter(DeadLetterReason.CONTRACT);
        }
        context.forward(record.withValue(new Verdict(tree, violations)));
    }

    /** The schema's verdict, plus the two rules the output topic itself imposes: its key field and a sane timestamp. */
    private List<Violation> violations(JsonNode tree, long eventTime) {
        List<Violation> violations = new ArrayList<>(validator.validate(tree));
        if (eventTime - context.currentSystemTimeMs() > MAX_FUTURE_EVENT_TIME.toMillis()) {
            violations.add(new Violation("event-time", "$", "event time " + Instant.ofEpochMilli(eventTime)
                    + " is more than " + MAX_FUTURE_EVENT_TIME + " ahead of the clock; Kafka would reject the record"));
        }
        Optional<String> keyField = contract.ports().output().key();
        if (keyField.isPresent() && tree.isObject() && !tree.path(keyField.get()).isValueNode()) {
            violations.add(new Violation("key", "$." + keyField.get(),
                    "key field '" + keyField.get() + "' is missing; the output topic is keyed by it"));
        }
        return List.copyOf(violations);
    }

    private SourcePosition source() {
        return context.recordMetadata()
                .map(ContractGate::position)
                .orElseGet(SourcePosition::unknown);
    }

    private static SourcePosition position(RecordMetadata metadata) {
        return new SourcePosition(metadata.topic() == null ? "" : metadata.topic(), metadata.partition(), metadata.offset());
    }
}
