package io.meshwork.testkit.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

import java.util.Arrays;
import java.util.Optional;

/**
 * A running Apache Kafka cluster that tests and local development talk to through its bootstrap
 * servers.
 *
 * <p>Obtain one from {@link KafkaClusters#start()} (backend chosen by the {@value
 * KafkaClusters#BACKEND_PROPERTY} system property), {@link EmbeddedKafkaCluster#start()} or
 * {@link TestcontainersKafkaCluster#start()}. The cluster is running when the factory returns and
 * stops on {@link #close()}.
 */
public interface KafkaCluster extends AutoCloseable {

    /**
     * The {@code bootstrap.servers} value clients use to reach this cluster, e.g.
     * {@code 127.0.0.1:40123}.
     */
    String bootstrapServers();

    /** The number of brokers in the cluster. */
    int brokerCount();

    /**
     * An admin client connected to this cluster. It is owned by the cluster and closed with it:
     * callers must not close it.
     */
    Admin admin();

    /**
     * Creates a topic with the cluster's default replication factor (the number of brokers, at
     * most 3). Creating a topic that already exists is not an error, whatever its settings.
     *
     * @param name       topic name
     * @param partitions number of partitions, at least 1
     */
    default void createTopic(String name, int partitions) {
        createTopics(new NewTopic(name, Optional.of(partitions), Optional.empty()));
    }

    /**
     * Creates topics exactly as described. Topics that already exist are left as they are.
     * Returns once the controller has accepted every topic.
     *
     * @throws IllegalStateException if a topic cannot be created for another reason than that it
     *                               exists (e.g. a replication factor above the broker count)
     */
    default void createTopics(NewTopic... topics) {
        TopicCreation.createIfAbsent(admin(), Arrays.asList(topics));
    }

    /**
     * A new produce/consume helper connected to this cluster. The caller owns it and closes it.
     */
    default KafkaTestClient newClient() {
        return new KafkaTestClient(bootstrapServers());
    }

    /** Stops the cluster and releases its resources. Calling it twice is harmless. */
    @Override
    void close();
}
