package io.meshwork.core.contract;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The {@code ports} block of a contract: the topics a product reads and the one it publishes.
 *
 * @param inputs     declared input ports; the topology may read only these
 * @param output     the output port
 * @param deadLetter the dead-letter topic for records that could not be read or broke the contract
 */
public record Ports(List<Input> inputs, Output output, String deadLetter) {

    public Ports {
        inputs = List.copyOf(inputs);
    }

    /** The declared input topics, in contract order. */
    public List<String> inputTopics() {
        return inputs.stream().map(Input::topic).toList();
    }

    /**
     * An input port.
     *
     * @param topic   the topic read
     * @param product the producing data product ({@code domain/name}) when declared with {@code product:}
     */
    public record Input(String topic, Optional<String> product) {
    }

    /** How an output topic cleans up old records. */
    public enum CleanupPolicy { DELETE, COMPACT }

    /**
     * The output port.
     *
     * @param topic         output topic, by default {@code <domain>.<name>}
     * @param key           field of the output value that keys each record, if any
     * @param partitions    partitions of the output topic
     * @param cleanupPolicy delete or compact
     * @param retention     retention of a {@code delete} topic, if set
     */
    public record Output(String topic, Optional<String> key, int partitions, CleanupPolicy cleanupPolicy,
                         Optional<Duration> retention) {
    }
}
