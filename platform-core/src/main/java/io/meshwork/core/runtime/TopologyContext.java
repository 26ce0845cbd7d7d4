package io.meshwork.core.runtime;

import io.meshwork.core.EventTime;
import io.meshwork.core.ProductContext;
import io.meshwork.core.contract.Contract;
import io.meshwork.core.port.RecordPath;
import io.meshwork.core.query.StoreDeclarations;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;

/** The {@link ProductContext} a product's topology is built against: declared ports only, output once. */
final class TopologyContext implements ProductContext {

    private final Contract contract;
    private final StreamsBuilder builder;
    private final RecordPath recordPath;
    private final StoreDeclarations stores = new StoreDeclarations();
    private boolean published;

    TopologyContext(Contract contract, StreamsBuilder builder, RecordPath recordPath) {
        this.contract = contract;
        this.builder = builder;
        this.recordPath = recordPath;
    }

    @Override
    public Contract contract() {
        return contract;
    }

    @Override
    public <T> KStream<String, T> input(String topic, Class<T> type) {
        return input(topic, type, null);
    }

    @Override
    public <T> KStream<String, T> input(String topic, Class<T> type, EventTime<? super T> eventTime) {
        if (!contract.ports().inputTopics().contains(topic)) {
            throw new IllegalArgumentException("product '" + contract.name() + "' reads topic '" + topic
                    + "', which its contract " + contract.source() + " does not declare under ports.inputs "
                    + contract.ports().inputTopics());
        }
        return recordPath.input(builder, topic, type, eventTime);
    }

    @Override
    public <K, V> void output(KStream<K, V> stream) {
        if (published) {
            throw new IllegalStateException("product '" + contract.name() + "' publishes to its output port twice: "
                    + "merge the streams and call output() once");
        }
        published = true;
        recordPath.output(stream);
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
