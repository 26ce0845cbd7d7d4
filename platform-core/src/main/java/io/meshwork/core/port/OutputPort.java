package io.meshwork.core.port;

import io.meshwork.core.contract.Contract;
import io.meshwork.core.json.Json;
import io.meshwork.core.json.JsonNodeSerde;
import io.meshwork.core.metrics.FlowMetrics;
import io.meshwork.core.validation.RecordValidator;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The contract-validated output port. Valid records go to the contract's output topic, keyed by the contract's
 * key field when it declares one; invalid records go to the dead-letter topic with their key and JSON value and
 * headers saying which rule failed at which path. Both are Kafka Streams sinks, so under {@code exactly_once_v2}
 * they commit atomically with the input offsets.
 */
public final class OutputPort {

    private final Contract contract;
    private final RecordValidator validator;
    private final FlowMetrics metrics;

    public OutputPort(Contract contract, RecordValidator validator, FlowMetrics metrics) {
        this.contract = contract;
        this.validator = validator;
        this.metrics = metrics;
    }

    /** Adds the gate and both sinks behind {@code stream}. */
    public <K, V> void attach(KStream<K, V> stream) {
        Optional<String> keyField = contract.ports().output().key();
        stream.processValues(() -> new ContractGate<K, V>(contract, validator, metrics), Named.as("contract-gate"))
                .split(Named.as("contract-"))
                .branch((key, verdict) -> verdict.valid(), Branched.withConsumer(valid -> valid
                        .map((key, verdict) -> KeyValue.pair(
                                keyField.map(f -> verdict.tree().get(f).asString()).orElseGet(() -> keyText(key)),
                                verdict.tree()), Named.as("output-key"))
                        .to(contract.outputTopic(), Produced.with(Serdes.String(), new JsonNodeSerde())
                                .withName("output-port")), "valid"))
                .defaultBranch(Branched.withConsumer(invalid -> invalid
                        .map((key, verdict) -> KeyValue.pair(keyText(key),
                                Json.mapper().writeValueAsBytes(verdict.tree())), Named.as("dead-letter-value"))
                        .to(contract.ports().deadLetter(), Produced.with(Serdes.String(), Serdes.ByteArray())
                                .withName("dead-letter-port")), "invalid"));
    }

    private static String keyText(Object key) {
        return key == null ? null : key.toString();
    }
}
