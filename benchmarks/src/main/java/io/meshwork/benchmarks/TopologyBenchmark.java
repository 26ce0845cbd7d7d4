package io.meshwork.benchmarks;

import io.meshwork.core.contract.Contract;
import io.meshwork.products.orders.Order;
import io.meshwork.products.orders.OrderPlaced;
import io.meshwork.products.orders.OrdersProduct;
import io.meshwork.test.ProductTestDriver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.test.TestRecord;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.json.JsonMapper;

/**
 * A whole topology per record, on Kafka's {@link TopologyTestDriver} (no broker, no network): the assembled
 * orders product (input port with event-time extraction, domain mapping, contract gate, provenance headers,
 * flow metrics, dead-letter branch) against a hand-written topology doing the same mapping with plain serdes
 * and no validation. Each invocation pipes {@value OrderEvents#COUNT} events and drains the output topic, so
 * the score is records per second.
 */
// The topology (Streams internals, the gate, metrics) needs longer than a serializer to reach steady state.
@Fork(1)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class TopologyBenchmark {

    private static final String OUTPUT = "commerce.orders";

    /** The orders product as Meshwork assembles it. */
    @State(Scope.Thread)
    public static class Meshwork {
        OrderEvents events;
        ProductTestDriver driver;
        TestInputTopic<String, byte[]> input;
        TestOutputTopic<String, byte[]> output;

        @Setup
        public void setUp() {
            events = new OrderEvents(Instant.now());
            Contract contract = OrdersContract.load();
            driver = ProductTestDriver.of(new OrdersProduct(), contract, Map.of());
            input = driver.input(OrdersProduct.ORDERS_PLACED);
            output = driver.driver().createOutputTopic(contract.outputTopic(), new StringDeserializer(), new ByteArrayDeserializer());
        }

        @TearDown
        public void tearDown() {
            driver.close();
        }
    }

    /** The same mapping, written by hand: plain JSON serdes, default timestamps, no contract. */
    @State(Scope.Thread)
    public static class HandWritten {
        OrderEvents events;
        Path stateDir;
        TopologyTestDriver driver;
        TestInputTopic<String, byte[]> input;
        TestOutputTopic<String, byte[]> output;

        @Setup
        public void setUp() throws IOException {
            events = new OrderEvents(Instant.now());
            StreamsBuilder builder = new StreamsBuilder();
            builder.stream(OrdersProduct.ORDERS_PLACED, Consumed.with(Serdes.String(), plainJson(OrderPlaced.class)))
                    .mapValues(Order::from)
                    .to(OUTPUT, Produced.with(Serdes.String(), plainJson(Order.class)));
            stateDir = Files.createTempDirectory("meshwork-benchmark-");
            Properties properties = new Properties();
            properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "hand-written-orders");
            properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "benchmark:9092");
            properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
            driver = new TopologyTestDriver(builder.build(), properties);
            input = driver.createInputTopic(OrdersProduct.ORDERS_PLACED, new StringSerializer(), new ByteArraySerializer());
            output = driver.createOutputTopic(OUTPUT, new StringDeserializer(), new ByteArrayDeserializer());
        }

        @TearDown
        public void tearDown() throws IOException {
            driver.close();
            try (var files = Files.walk(stateDir)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }

        private static <T> Serde<T> plainJson(Class<T> type) {
            JsonMapper mapper = JsonMapper.builder().build();
            return Serdes.serdeFrom((topic, value) -> mapper.writeValueAsBytes(value),
                    (topic, bytes) -> mapper.readValue(bytes, type));
        }
    }

    /** Baseline: the hand-written topology, records per second. */
    @Benchmark
    @OperationsPerInvocation(OrderEvents.COUNT)
    public List<TestRecord<String, byte[]>> handWritten(HandWritten state) {
        return pipe(state.events, state.input, state.output);
    }

    /** Meshwork: the assembled orders product, records per second. */
    @Benchmark
    @OperationsPerInvocation(OrderEvents.COUNT)
    public List<TestRecord<String, byte[]>> meshwork(Meshwork state) {
        return pipe(state.events, state.input, state.output);
    }

    /** Pipes every event and drains the output; every one must come out, or the run measured the wrong path. */
    private static List<TestRecord<String, byte[]>> pipe(OrderEvents events, TestInputTopic<String, byte[]> input,
                                                         TestOutputTopic<String, byte[]> output) {
        for (int i = 0; i < OrderEvents.COUNT; i++) {
            input.pipeInput(events.key(i), events.bytes(i));
        }
        List<TestRecord<String, byte[]>> published = output.readRecordsToList();
        if (published.size() != OrderEvents.COUNT) {
            throw new IllegalStateException(published.size() + " of " + OrderEvents.COUNT + " records published");
        }
        return published;
    }
}
