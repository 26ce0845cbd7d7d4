package io.meshwork.core.runtime;

import io.meshwork.core.EventTime;
import io.meshwork.core.ProductContext;
import io.meshwork.core.contract.Contract;
import io.meshwork.core.json.JsonSerde;
import io.meshwork.core.metrics.FlowMetrics;
import io.meshwork.core.port.OutputPort;
import io.meshwork.core.query.StoreDeclarations;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.processor.TimestampExtractor;

/** The {@link ProductContext} a product's topology is built against: declared ports only, output once. */
final class TopologyContext implements ProductContext {

    private final Contract contract;
    private final StreamsBuilder builder;
    private final FlowMetrics metrics;
    private final OutputPort outputPort;
    private final StoreDeclarations stores = new StoreDeclarations();
    private boolean published;

    TopologyContext(Contract contract, StreamsBuilder builder, FlowMetrics metrics, OutputPort outputPort) {
        this.contract = contract;
        this.builder = builder;
        this.metrics = metrics;
        this.outputPort = outputPort;
    }

    @Override
    public Contract contract() {
        return contract;
    }

    @Override
    public <T> KStream<String, T> input(String topic, Class<T> type) {
        return input(topic, Consumed.with(Serdes.String(), new JsonSerde<>(type)));
    }

    @Override
    public <T> KStream<String, T> input(String topic, Class<T> type, EventTime<? super T> eventTime) {
        TimestampExtractor extractor = new EventTimeExtractor<>(type, eventTime);
        return input(topic, Consumed.with(Serdes.String(), new JsonSerde<>(type)).withTimestampExtractor(extractor));
    }

    private <T> KStream<String, T> input(String topic, Consumed<String, T> consumed) {
        if (!contract.ports().inputTopics().contains(topic)) {
            throw new IllegalArgumentException("product '" + contract.name() + "' reads topic '" + topic
                    + "', which its contract " + contract.source() + " does not declare under ports.inputs "
                    + contract.ports().inputTopics());
        }
        metrics.declareInput(topic);
        return builder.stream(topic, consumed.withName("input-" + topic))
                .peek((key, value) -> metrics.recordIn(topic), Named.as("count-in-" + topic));
    }

    @Override
    public <K, V> void output(KStream<K, V> stream) {
        if (published) {
            throw new IllegalStateException("product '" + contract.name() + "' publishes to its output port twice: "
                    + "merge the streams and call output() once");
        }
        published = true;
        outputPort.attach(stream);
    }

    @Override
    public StoreDeclarations queries() {
        return stores;
    }

    @Override
    public StreamsBuilder builder() {
        return builder;
    }

    /** Whether the topology published anything on the output port. */
    boolean published() {
        return published;
    }
}
