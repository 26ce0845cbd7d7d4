package io.meshwork.core.runtime;

import io.meshwork.core.contract.Contract;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The product's Kafka Streams application: reports each state change and restoration to its {@link Progress}, shuts
 * the client down when a stream thread fails, leaves the consumer group on close, and leaves its state directory
 * ready to be reused (see {@link EmptyStoreDirectories}).
 */
final class ProductStreams implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ProductStreams.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final String name;
    private final KafkaStreams streams;
    private final Path stateDirectory;

    ProductStreams(Contract contract, Topology topology, Properties properties, Progress progress,
                   Consumer<KafkaStreams.State> stateChanged) {
        this.name = contract.name();
        this.streams = new KafkaStreams(topology, properties);
        this.stateDirectory = EmptyStoreDirectories.of(properties);
        streams.setGlobalStateRestoreListener(progress);
        streams.setUncaughtExceptionHandler(e -> {
            LOG.error("Kafka Streams thread of {} failed; shutting the product down", name, e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        streams.setStateListener((next, previous) -> {
            LOG.info("{}: {} -> {}", name, previous, next);
            progress.stateChanged(next);
            stateChanged.accept(next);
        });
    }

    void start() {
        streams.start();
    }

    KafkaStreams kafkaStreams() {
        return streams;
    }

    KafkaStreams.State state() {
        return streams.state();
    }

    @Override
    public void close() {
        // Leave the group: Kafka Streams otherwise stays a member until the session times out, and a restarted
        // product would wait that long (45 s by default) before it gets its partitions back.
        boolean stopped = streams.close(CloseOptions.timeout(CLOSE_TIMEOUT)
                .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
        if (stopped) {
            // Only once every stream thread has stopped: nothing writes to the state directory any more.
            EmptyStoreDirectories.prune(stateDirectory);
        } else {
            LOG.warn("Kafka Streams of {} did not stop within {}", name, CLOSE_TIMEOUT);
        }
    }
}
