package io.meshwork.core.runtime;

import io.meshwork.core.contract.Contract;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.kafka.streams.Topology;

/**
 * Compares the topics a topology really reads and writes with the ports its contract declares. A product may read
 * only its declared inputs and write only its output and dead-letter topics: {@code ctx.input} enforces the first
 * for the ports API, this check catches everything built through {@code ctx.builder()} as well. Used when a
 * product is assembled and by {@code mesh lint --with-topologies}.
 */
public final class DeclaredPorts {

    private DeclaredPorts() {
    }

    /** What is wrong with one topic. Only {@link Kind#UNUSED_INPUT} is allowed at start. */
    public enum Kind {
        /** Read, but not declared under {@code ports.inputs}. */
        UNDECLARED_INPUT,
        /** Written, but neither the output nor the dead-letter topic. */
        UNDECLARED_OUTPUT,
        /** Read by pattern: the topics cannot be checked against the contract. */
        PATTERN_INPUT,
        /** Written to a topic chosen per record: the topics cannot be checked against the contract. */
        DYNAMIC_OUTPUT,
        /** Declared under {@code ports.inputs} but never read. */
        UNUSED_INPUT;

        /** Whether a product with this mismatch must not start. */
        public boolean fatal() {
            return this != UNUSED_INPUT;
        }
    }

    /**
     * One difference between the topology and the contract.
     *
     * @param kind    what is wrong
     * @param topic   the topic, topic pattern or sink node concerned
     * @param message what is wrong, naming the topic
     */
    public record Mismatch(Kind kind, String topic, String message) {
    }

    /** Every difference between {@code topics} and {@code contract}'s ports, inputs first. */
    public static List<Mismatch> compare(Contract contract, TopologyTopics topics) {
        List<String> inputs = contract.ports().inputTopics();
        Set<String> outputs = Set.of(contract.outputTopic(), contract.ports().deadLetter());
        List<Mismatch> mismatches = new ArrayList<>();
        topics.sources().stream().filter(topic -> !inputs.contains(topic)).forEach(topic -> mismatches.add(new Mismatch(
                Kind.UNDECLARED_INPUT, topic, "reads topic '" + topic + "', which is not declared under ports.inputs " + inputs)));
        topics.patterns().forEach(pattern -> mismatches.add(new Mismatch(Kind.PATTERN_INPUT, pattern,
                "reads topics matching pattern '" + pattern + "'; declare each input topic under ports.inputs instead")));
        topics.sinks().stream().filter(topic -> !outputs.contains(topic)).forEach(topic -> mismatches.add(new Mismatch(
                Kind.UNDECLARED_OUTPUT, topic, "writes topic '" + topic + "', which is neither its output topic '"
                + contract.outputTopic() + "' nor its dead-letter topic '" + contract.ports().deadLetter() + "'")));
        topics.dynamicSinks().forEach(sink -> mismatches.add(new Mismatch(Kind.DYNAMIC_OUTPUT, sink,
                "sink '" + sink + "' writes to a topic chosen per record; publish through ctx.output(stream) instead")));
        inputs.stream().filter(topic -> !topics.sources().contains(topic)).forEach(topic -> mismatches.add(new Mismatch(
                Kind.UNUSED_INPUT, topic, "declares input topic '" + topic + "' under ports.inputs but never reads it")));
        return mismatches;
    }

    /**
     * Fails when {@code topology} reads or writes a topic {@code contract} does not declare.
     *
     * @throws UndeclaredTopicsException naming every such topic
     */
    public static void verify(Contract contract, Topology topology) {
        List<Mismatch> mismatches = compare(contract, TopologyTopics.of(topology.describe()));
        if (mismatches.stream().anyMatch(mismatch -> mismatch.kind().fatal())) {
            throw new UndeclaredTopicsException(contract, mismatches);
        }
    }
}
