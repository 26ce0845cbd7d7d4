package io.meshwork.benchmarks;

import io.meshwork.core.contract.RecordValidator;
import io.meshwork.core.contract.Violation;
import io.meshwork.core.json.Json;
import io.meshwork.products.orders.Order;
import io.meshwork.products.orders.OrderPlaced;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.util.JsonGeneratorDelegate;
import tools.jackson.databind.JsonNode;

/**
 * The output port's per-record work: the contract check between the domain code and the producer.
 * {@link #handWritten} is what any Kafka Streams app does anyway (map, serialize); {@link #contractGate} adds
 * what Meshwork's gate adds: checking every value against the contract schema as it is written;
 * {@link #contractGateTree} is the thorough path through a JSON tree.
 */
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
public class OutputGateBenchmark {

    private OrderEvents events;
    private RecordValidator validator;
    private int next;

    @Setup
    public void setUp() {
        events = new OrderEvents(Instant.now());
        validator = RecordValidator.of(OrdersContract.load());
        List<Violation> violations = validator.validate(Json.mapper().valueToTree(Order.from(events.event(0))));
        if (!violations.isEmpty()) {
            throw new IllegalStateException("benchmark events must satisfy the orders contract: " + violations);
        }
    }

    /** Baseline: map the event and serialize the record. */
    @Benchmark
    public byte[] handWritten() {
        return Json.mapper().writeValueAsBytes(Order.from(nextEvent()));
    }

    /**
     * Meshwork's gate: map, then serialize the record while checking it against the contract schema (one pass, no
     * tree), handing back the key field.
     */
    @Benchmark
    public byte[] contractGate() {
        RecordValidator.Written written = validator.write(Order.from(nextEvent()), "customerId");
        if (!written.conforms() || written.key() == null) {
            throw new IllegalStateException("invalid benchmark record: " + new String(written.json()));
        }
        return written.json();
    }

    /**
     * The floor of checking while writing: the record serialized through a generator delegate that checks nothing
     * (what passing every token through a second generator costs, before any check).
     */
    @Benchmark
    public byte[] passThroughGenerator() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        try (JsonGenerator generator = new JsonGeneratorDelegate(Json.mapper().createGenerator(bytes), false)) {
            generator.writePOJO(Order.from(nextEvent()));
        }
        return bytes.toByteArray();
    }

    /**
     * The gate's thorough path, taken by records the one-pass check does not vouch for (and by every record before
     * it): map, turn into a tree, validate the tree, serialize the tree.
     */
    @Benchmark
    public byte[] contractGateTree() {
        JsonNode tree = Json.mapper().valueToTree(Order.from(nextEvent()));
        if (!validator.validate(tree).isEmpty()) {
            throw new IllegalStateException("invalid benchmark record: " + tree);
        }
        return Json.mapper().writeValueAsBytes(tree);
    }

    private OrderPlaced nextEvent() {
        next = (next + 1) % OrderEvents.COUNT;
        return events.event(next);
    }
}
