package io.meshwork.core.port;

import io.meshwork.core.EventTime;
import io.meshwork.core.contract.Contract;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.KStream;

/**
 * What happens to one record of a product, from its input topic to the output or the dead-letter topic: the entry
 * point the runtime assembles a product with. Everything behind it is package-private:
 *
 * <pre>
 * input topic ─{@link InputPort}─▶ domain topology ─▶ {@link OutputPort} (gate) ─valid─▶ output topic, provenance headers
 *      │ unreadable              │ throws                │ invalid
 *      ▼                         ▼                       ▼
 * {@link DeadLetterHandlers} ───────────────▶ {@link DeadLetters} ──▶ dead-letter topic, {@link MeshworkHeaders} saying why
 * </pre>
 */
public final class RecordPath {

    /** The producer's default {@code max.request.size}: 1 MiB. */
    private static final int DEFAULT_MAX_REQUEST_SIZE = 1024 * 1024;

    private final RecordCounter counter;
    private final DeadLetters deadLetters;
    private final OutputPort output;

    /**
     * The record path of the product that {@code contract} describes, reporting every record to {@code counter}.
     *
     * @param settings the product's Kafka Streams settings, for the largest record its producer may send
     */
    public RecordPath(Contract contract, RecordCounter counter, Map<?, ?> settings) {
        this.counter = counter;
        this.deadLetters = new DeadLetters(contract, counter, maxRecordBytes(settings));
        this.output = new OutputPort(contract, deadLetters, counter);
    }

    /**
     * Reads input {@code topic} as JSON values of {@code type}; event time from {@code eventTime}, or the Kafka
     * record timestamp when it is null. The caller checks that the contract declares the topic.
     */
    public <T> KStream<String, T> input(StreamsBuilder builder, String topic, Class<T> type, EventTime<? super T> eventTime) {
        counter.inputOpened(topic);
        return builder.stream(topic, InputPort.consumed(topic, type, eventTime, counter));
    }

    /** Publishes {@code stream} through the contract gate to the output and dead-letter topics. */
    public <K, V> void output(KStream<K, V> stream) {
        output.attach(stream);
    }

    /** {@code max.request.size} of the product's producer, as Kafka Streams would configure it. */
    static int maxRecordBytes(Map<?, ?> settings) {
        Object value = settings.get(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG));
        if (value == null) {
            value = settings.get(ProducerConfig.MAX_REQUEST_SIZE_CONFIG);
        }
        return value == null ? DEFAULT_MAX_REQUEST_SIZE : Integer.parseInt(value.toString().strip());
    }

    /** Wires the dead-letter handlers into the product's Kafka Streams settings. */
    public void configure(Properties streams) {
        DeadLetterHandlers.install(streams, deadLetters);
    }
}
