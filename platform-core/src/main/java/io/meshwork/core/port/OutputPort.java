package io.meshwork.core.port;

import io.meshwork.core.contract.Contract;
import io.meshwork.core.contract.RecordValidator;
import io.meshwork.core.contract.Violation;
import io.meshwork.core.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import tools.jackson.databind.JsonNode;

/**
 * The contract-validated output port: a gate that judges each record against the contract, then two sinks. Valid
 * records go to the contract's output topic with provenance headers, keyed by the contract's key field when it
 * declares one; invalid ones go to the dead-letter topic with their key, their JSON value and headers saying which
 * rule failed at which path. Both are Kafka Streams sinks, so under {@code exactly_once_v2} they commit atomically
 * with the input offsets.
 */
final class OutputPort {

    private final Contract contract;
    private final RecordValidator validator;
    private final DeadLetters deadLetters;
    private final RecordCounter counter;

    OutputPort(Contract contract, DeadLetters deadLetters, RecordCounter counter) {
        this.contract = contract;
        this.validator = RecordValidator.of(contract);
        this.deadLetters = deadLetters;
        this.counter = counter;
    }

    /** Adds the gate and both sinks behind {@code stream}. */
    <K, V> void attach(KStream<K, V> stream) {
        stream.processValues(() -> new Gate<K, V>(), Named.as("contract-gate"))
                .split(Named.as("contract-"))
                .branch((key, verdict) -> verdict.valid(), Branched.withConsumer(valid -> valid
                        .map((key, verdict) -> KeyValue.pair(verdict.key(), verdict.value()), Named.as("output-key"))
                        .to(contract.outputTopic(), Produced.with(Serdes.String(), Serdes.ByteArray())
                                .withName("output-port")), "valid"))
                .defaultBranch(Branched.withConsumer(invalid -> invalid
                        .map((key, verdict) -> KeyValue.pair(verdict.key(), verdict.value()), Named.as("dead-letter-value"))
                        .to(deadLetters.topic(), Produced.with(Serdes.String(), Serdes.ByteArray())
                                .withName("dead-letter-port")), "invalid"));
    }

    private static String keyText(Object key) {
        return key == null ? null : key.toString();
    }

    /** A record as the gate judged it: the key and JSON bytes to write, and whether it goes to the output topic. */
    record Verdict(String key, byte[] value, boolean valid) {
    }

    /**
     * Turns each value into a JSON tree once, validates it, checks the key field and the timestamp, and stamps
     * provenance (valid) or dead-letter headers (invalid). The tree it validated is the one the sink serializes.
     */
    private final class Gate<K, V> implements FixedKeyProcessor<K, V, Verdict> {

        private final Optional<String> keyField = contract.ports().output().key();
        private final MeshworkHeaders.Producer producer = MeshworkHeaders.Producer.of(contract.identity().qualifiedName(),
                contract.version());
        private FixedKeyProcessorContext<K, Verdict> context;

        @Override
        public void init(FixedKeyProcessorContext<K, Verdict> context) {
            this.context = context;
        }

        @Override
        public void process(FixedKeyRecord<K, V> record) {
            JsonNode tree = record.value() == null ? Json.mapper().nullNode() : Json.mapper().valueToTree(record.value());
            long now = context.currentSystemTimeMs();
            List<Violation> violations = violations(tree, record.timestamp(), now);
            MeshworkHeaders.Source source = context.recordMetadata()
                    .map(m -> new MeshworkHeaders.Source(m.topic(), m.partition(), m.offset()))
                    .orElse(MeshworkHeaders.Source.UNKNOWN);
            // Serialized here, once: the sinks write these bytes, and their size is checked before Kafka sees them.
            byte[] value = Json.mapper().writeValueAsBytes(tree);
            if (violations.isEmpty()) {
                String key = keyField.map(f -> tree.get(f).asString()).orElseGet(() -> keyText(record.key()));
                MeshworkHeaders.provenance(record.headers(), source, producer);
                if (deadLetters.fits(key, value, record.headers())) {
                    // The record's timestamp here is its event time: freshness and end-to-end latency are measured on it.
                    counter.published(record.timestamp());
                    context.forward(record.withValue(new Verdict(key, value, true)));
                    return;
                }
                violations = List.of(new Violation("size", "$", "the record is " + value.length
                        + " bytes of JSON, more than Kafka accepts in one record (max.request.size)"));
            }
            String key = keyText(record.key());
            deadLetters.stamp(record.headers(), DeadLetterReason.CONTRACT, violations, source);
            if (!deadLetters.fits(key, value, record.headers())) {
                value = deadLetters.omit(record.headers(), key, value);
                key = null;
            }
            context.forward(record.withValue(new Verdict(key, value, false))
                    .withTimestamp(DeadLetters.writableTimestamp(record.timestamp(), now)));
        }

        /** The schema's verdict, plus the two rules the output topic itself imposes: its key field and a sane timestamp. */
        private List<Violation> violations(JsonNode tree, long eventTime, long now) {
            List<Violation> schema = validator.validate(tree);
            boolean keyed = keyField.isEmpty() || !tree.isObject() || tree.path(keyField.get()).isValueNode();
            if (schema.isEmpty() && keyed && eventTime - now <= DeadLetters.MAX_FUTURE_TIMESTAMP.toMillis()) {
                return List.of(); // the common case, without a list to build
            }
            List<Violation> violations = new ArrayList<>(schema);
            if (eventTime - now > DeadLetters.MAX_FUTURE_TIMESTAMP.toMillis()) {
                violations.add(new Violation("event-time", "$", "event time " + Instant.ofEpochMilli(eventTime)
                        + " is more than " + DeadLetters.MAX_FUTURE_TIMESTAMP + " ahead of the clock; Kafka would reject the record"));
            }
            if (!keyed) {
                violations.add(new Violation("key", "$." + keyField.get(),
                        "key field '" + keyField.get() + "' is missing; the output topic is keyed by it"));
            }
            return List.copyOf(violations);
        }
    }
}
