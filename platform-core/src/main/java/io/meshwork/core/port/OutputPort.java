package io.meshwork.core.port;

import io.meshwork.core.contract.Contract;
import io.meshwork.core.contract.RecordValidator;
import io.meshwork.core.contract.Violation;
import io.meshwork.core.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import tools.jackson.databind.JsonNode;

/**
 * The contract-validated output port: a gate that judges each record against the contract, then two sinks. Valid
 * records go to the contract's output topic with provenance headers, keyed by the contract's key field when it
 * declares one; invalid ones go to the dead-letter topic with their key, their JSON value and headers saying which
 * rule failed at which path. Both are Kafka Streams sinks, so under {@code exactly_once_v2} they commit atomically
 * with the input offsets.
 */
final class OutputPort {

    /** The sinks' processor names: the gate forwards each record to one of them by name. */
    static final String OUTPUT_SINK = "output-port";
    static final String DEAD_LETTER_SINK = "dead-letter-port";

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

    /**
     * Adds the gate and both sinks behind {@code stream}. The gate is one processor whose two children are the sinks:
     * a record takes two hops from the topology's last step to the producer, as in a hand-written app.
     */
    <K, V> void attach(KStream<K, V> stream) {
        KStream<String, byte[]> judged = stream.process(() -> new Gate<K, V>(), Named.as("contract-gate"));
        judged.to(contract.outputTopic(), Produced.with(Serdes.String(), Serdes.ByteArray()).withName(OUTPUT_SINK));
        judged.to(deadLetters.topic(), Produced.with(Serdes.String(), Serdes.ByteArray()).withName(DEAD_LETTER_SINK));
    }

    private static String keyText(Object key) {
        return key == null ? null : key.toString();
    }

    /**
     * Checks each value against the contract while serializing it (one pass, no JSON tree) and sends it to the output
     * sink with provenance headers. A record that pass cannot vouch for is judged again the thorough way, as a JSON tree
     * through the full validator, which words the violations; invalid records go to the dead-letter sink.
     */
    private final class Gate<K, V> implements Processor<K, V, String, byte[]> {

        private final String keyField = contract.ports().output().key().orElse(null);
        private final MeshworkHeaders.Producer producer = MeshworkHeaders.Producer.of(contract.identity().qualifiedName(),
                contract.version());
        private final boolean streaming = validator.checksWhileWriting();
        private final MeshworkHeaders.SourceCache sources = new MeshworkHeaders.SourceCache();
        private ProcessorContext<String, byte[]> context;

        @Override
        public void init(ProcessorContext<String, byte[]> context) {
            this.context = context;
        }

        @Override
        public void process(Record<K, V> record) {
            long now = context.currentSystemTimeMs();
            if (streaming && !DeadLetters.tooFarAhead(record.timestamp(), now)) {
                RecordValidator.Written written = validator.write(record.value(), keyField);
                if (written.conforms() && (keyField == null || written.key() != null)) {
                    String key = keyField == null ? keyText(record.key()) : written.key().asString();
                    if (!publish(record, key, written.json())) {
                        deadLetter(record, tooLarge(written.json()), written.json(), now);
                    }
                    return;
                }
            }
            judgeTree(record, now);
        }

        /** The thorough way: a JSON tree, the full verdict with every violation, the tree serialized. */
        private void judgeTree(Record<K, V> record, long now) {
            JsonNode tree = record.value() == null ? Json.mapper().nullNode() : Json.mapper().valueToTree(record.value());
            List<Violation> violations = violations(tree, record.timestamp(), now);
            // Serialized here, once: the sinks write these bytes, and their size is checked before Kafka sees them.
            byte[] value = Json.mapper().writeValueAsBytes(tree);
            if (violations.isEmpty()) {
                if (publish(record, keyField == null ? keyText(record.key()) : tree.get(keyField).asString(), value)) {
                    return;
                }
                violations = tooLarge(value);
            }
            deadLetter(record, violations, value, now);
        }

        /** Sends a valid record to the output topic; false when it is too large for Kafka (then nothing is sent). */
        private boolean publish(Record<K, V> record, String key, byte[] value) {
            MeshworkHeaders.provenance(record.headers(), sources.encoded(context), producer);
            if (!deadLetters.fits(key, value, record.headers())) {
                return false;
            }
            // The record's timestamp here is its event time: freshness and end-to-end latency are measured on it.
            counter.published(record.timestamp());
            context.forward(record.withKey(key).withValue(value), OUTPUT_SINK);
            return true;
        }

        private void deadLetter(Record<K, V> record, List<Violation> violations, byte[] value, long now) {
            String key = keyText(record.key());
            deadLetters.stamp(record.headers(), DeadLetterReason.CONTRACT, violations, sources.source(context));
            if (!deadLetters.fits(key, value, record.headers())) {
                value = deadLetters.omit(record.headers(), key, value);
                key = null;
            }
            context.forward(record.withKey(key).withValue(value)
                    .withTimestamp(DeadLetters.writableTimestamp(record.timestamp(), now)), DEAD_LETTER_SINK);
        }

        private List<Violation> tooLarge(byte[] value) {
            return List.of(new Violation("size", "$", "the record is " + value.length
                    + " bytes of JSON, more than Kafka accepts in one record (max.request.size)"));
        }

        /** The schema's verdict, plus the two rules the output topic itself imposes: its key field and a sane timestamp. */
        private List<Violation> violations(JsonNode tree, long eventTime, long now) {
            List<Violation> schema = validator.validate(tree);
            boolean keyed = keyField == null || !tree.isObject() || tree.path(keyField).isValueNode();
            if (schema.isEmpty() && keyed && !DeadLetters.tooFarAhead(eventTime, now)) {
                return List.of(); // the common case, without a list to build
            }
            List<Violation> violations = new ArrayList<>(schema);
            if (DeadLetters.tooFarAhead(eventTime, now)) {
                violations.add(new Violation("event-time", "$", "event time " + Instant.ofEpochMilli(eventTime)
                        + " is more than " + DeadLetters.MAX_FUTURE_TIMESTAMP + " ahead of the clock; Kafka would reject the record"));
            }
            if (!keyed) {
                violations.add(new Violation("key", "$." + keyField,
                        "key field '" + keyField + "' is missing; the output topic is keyed by it"));
            }
            return List.copyOf(violations);
        }
    }
}
