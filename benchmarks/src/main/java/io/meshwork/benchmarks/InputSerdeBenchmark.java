package io.meshwork.benchmarks;

import io.meshwork.core.serde.JsonSerde;
import io.meshwork.products.orders.OrderPlaced;
import java.time.Instant;
import org.apache.kafka.common.serialization.Deserializer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The input port's per-record work: reading {@code OrderPlaced} bytes. The platform's {@link JsonSerde} should
 * cost what a plain {@code readValue} costs; its checks (empty value, error translation) are off the happy path.
 */
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
public class InputSerdeBenchmark {

    private OrderEvents events;
    private Deserializer<OrderPlaced> serde;
    private ObjectMapper plain;
    private int next;

    @Setup
    public void setUp() {
        events = new OrderEvents(Instant.now());
        serde = new JsonSerde<>(OrderPlaced.class).deserializer();
        plain = JsonMapper.builder().build();
    }

    /** Baseline: a plain Jackson 3 mapper. */
    @Benchmark
    public OrderPlaced plainReadValue() {
        return plain.readValue(nextBytes(), OrderPlaced.class);
    }

    /** Meshwork: the serde every input port uses. */
    @Benchmark
    public OrderPlaced jsonSerde() {
        return serde.deserialize("commerce.orders.placed", nextBytes());
    }

    private byte[] nextBytes() {
        next = (next + 1) % OrderEvents.COUNT;
        return events.bytes(next);
    }
}
