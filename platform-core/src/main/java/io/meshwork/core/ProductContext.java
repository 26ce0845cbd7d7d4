package io.meshwork.core;

import io.meshwork.core.contract.Contract;
import io.meshwork.core.query.QueryableStores;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;

/** What a {@link DataProduct}'s topology is written against: typed input ports and the validated output port. */
public interface ProductContext {

    /** The product's contract. */
    Contract contract();

    /**
     * A declared input port as a stream of JSON values read as {@code type}, keyed by the record key. Records
     * whose bytes are not such JSON go to the dead-letter topic. Event time is the Kafka record timestamp.
     *
     * @throws IllegalArgumentException if the contract's {@code ports.inputs} does not declare {@code topic}
     */
    <T> KStream<String, T> input(String topic, Class<T> type);

    /** Like {@link #input(String, Class)}, with event time taken from the value. */
    <T> KStream<String, T> input(String topic, Class<T> type, EventTime<? super T> eventTime);

    /**
     * Publishes {@code stream} on the output port: each value is validated against the contract's schema, valid
     * ones go to the output topic and the rest to the dead-letter topic. Call once per product.
     */
    <K, V> void output(KStream<K, V> stream);

    /** The state stores this product serves on its query port. */
    QueryableStores queries();

    /** The underlying builder, for state stores and anything the ports do not cover. */
    StreamsBuilder builder();
}
