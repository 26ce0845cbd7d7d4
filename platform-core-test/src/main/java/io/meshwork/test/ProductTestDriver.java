package io.meshwork.test;

import io.meshwork.core.DataProduct;
import io.meshwork.core.contract.Contract;
import io.meshwork.core.contract.ContractLocator;
import io.meshwork.core.json.Json;
import io.meshwork.core.metrics.FlowMetrics;
import io.meshwork.core.runtime.ProductConfig;
import io.meshwork.core.runtime.ProductTopology;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import tools.jackson.databind.JsonNode;

/**
 * Runs a product's assembled topology (input ports, domain code, contract-checked output port) on Kafka's
 * {@link TopologyTestDriver}: fast unit tests of topology logic, no broker. Needs
 * {@code org.apache.kafka:kafka-streams-test-utils} on the test classpath. What needs a real broker (the
 * dead-letter path for unreadable bytes, exactly-once, rebalancing) belongs in integration tests.
 */
public final class ProductTestDriver implements AutoCloseable {

    private final Contract contract;
    private final FlowMetrics flow;
    private final TopologyTestDriver driver;
    private final Path stateDir;

    private ProductTestDriver(DataProduct product, Contract contract, Map<String, Object> settings) {
        this.contract = contract;
        this.flow = new FlowMetrics(new SimpleMeterRegistry());
        // A state folder per driver: two drivers of one product (one application id) can be open at once.
        this.stateDir = createStateDir(product.name());
        ProductConfig config = ProductConfig.of("test-driver:9092").withStateDir(stateDir);
        for (var setting : settings.entrySet()) {
            config = config.withKafka(setting.getKey(), setting.getValue());
        }
        ProductTopology assembled = ProductTopology.assemble(product, contract, config, flow);
        this.driver = new TopologyTestDriver(assembled.topology(), assembled.properties(), Instant.now());
    }

    /** A driver for {@code product} under its contract from the contracts folder. */
    public static ProductTestDriver of(DataProduct product) {
        return new ProductTestDriver(product, ContractLocator.fromEnvironment().load(product.name()), Map.of());
    }

    /** A driver for {@code product} under {@code contract}, with extra Streams settings. */
    public static ProductTestDriver of(DataProduct product, Contract contract, Map<String, Object> settings) {
        return new ProductTestDriver(product, contract, settings);
    }

    /** Pipes a JSON value (any object Jackson maps, or a JSON string) into {@code topic} at {@code time}. */
    public void send(String topic, String key, Object value, Instant time) {
        byte[] bytes = value instanceof String text ? text.getBytes(StandardCharsets.UTF_8)
                : Json.mapper().writeValueAsBytes(value);
        input(topic).pipeInput(key, bytes, time);
    }

    /** The raw input topic, to pipe bytes or tombstones. */
    public TestInputTopic<String, byte[]> input(String topic) {
        return driver.createInputTopic(topic, new StringSerializer(), new ByteArraySerializer());
    }

    /** Everything published on the output topic since the last call, as JSON trees. */
    public List<TestRecord<String, JsonNode>> output() {
        return read(contract.outputTopic()).stream()
                .map(r -> new TestRecord<>(r.key(), Json.mapper().readTree(r.value()), r.headers(), r.getRecordTime()))
                .toList();
    }

    /** Everything sent to the dead-letter topic by the output port since the last call. */
    public List<TestRecord<String, byte[]>> deadLetters() {
        return read(contract.ports().deadLetter());
    }

    /** The record-flow counters. */
    public FlowMetrics flow() {
        return flow;
    }

    /** The underlying driver, for state stores. */
    public TopologyTestDriver driver() {
        return driver;
    }

    private List<TestRecord<String, byte[]>> read(String topic) {
        TestOutputTopic<String, byte[]> out = driver.createOutputTopic(topic, new StringDeserializer(), new ByteArrayDeserializer());
        return out.readRecordsToList();
    }

    @Override
    public void close() {
        try {
            driver.close();
        } finally {
            deleteStateDir();
        }
    }

    private static Path createStateDir(String product) {
        try {
            return Files.createTempDirectory("meshwork-test-driver-" + product + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void deleteStateDir() {
        try (Stream<Path> files = Files.walk(stateDir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // a leftover temporary folder is harmless
        }
    }
}
