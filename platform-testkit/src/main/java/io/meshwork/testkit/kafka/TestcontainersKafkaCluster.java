package io.meshwork.testkit.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;


/**
 * A single-broker Kafka cluster in a Docker container ({@code apache/kafka} image), via
 * Testcontainers. An alternative to {@link EmbeddedKafkaCluster} where a Docker engine exists.
 *
 * <p>Needs {@code org.testcontainers:testcontainers-kafka} on the classpath: this module declares
 * it optional, so users of this backend add it themselves. Prefer {@link KafkaClusters#start()},
 * which checks for it and for Docker and says what is missing.
 */
public final class TestcontainersKafkaCluster implements KafkaCluster {

    /**
     * Image used unless the {@value #IMAGE_PROPERTY} system property names another: {@code apache/kafka} at the
     * version of the Kafka clients on the classpath, so the broker in the container is the one the embedded cluster
     * and the products run.
     */
    public static final String DEFAULT_IMAGE = "apache/kafka:" + KafkaVersion.current();
    /** System property overriding the Docker image. */
    public static final String IMAGE_PROPERTY = "meshwork.kafka.image";

    private static final Logger LOG = LoggerFactory.getLogger(TestcontainersKafkaCluster.class);

    private final KafkaContainer container;
    private final String bootstrapServers;
    private final SharedAdmin admin;
    private boolean closed;

    private TestcontainersKafkaCluster(KafkaContainer container) {
        this.container = container;
        this.bootstrapServers = container.getBootstrapServers();
        this.admin = new SharedAdmin(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers));
    }

    /** Starts a broker from {@link #DEFAULT_IMAGE}, or the image named by {@value #IMAGE_PROPERTY}. */
    public static TestcontainersKafkaCluster start() {
        return start(System.getProperty(IMAGE_PROPERTY, DEFAULT_IMAGE));
    }

    /**
     * Starts a broker from the given {@code apache/kafka} image, configured like the embedded
     * cluster: no topic auto-creation, single-replica internal topics, no initial rebalance delay.
     *
     * @throws IllegalStateException if no Docker engine is reachable
     */
    @SuppressWarnings("resource") // closed by close()
    public static TestcontainersKafkaCluster start(String image) {
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            throw new IllegalStateException("The testcontainers Kafka backend needs a Docker engine, and none is reachable. "
                + "Use the embedded backend (-D" + KafkaClusters.BACKEND_PROPERTY + "=embedded) or start Docker.");
        }
        long started = System.nanoTime();
        KafkaContainer container = new KafkaContainer(image)
            .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false")
            .withEnv("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "1")
            .withEnv("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "1")
            .withEnv("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "1")
            .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0");
        container.start();
        TestcontainersKafkaCluster cluster = new TestcontainersKafkaCluster(container);
        LOG.info("Kafka container {} started in {} ms: bootstrap.servers={}", image,
            (System.nanoTime() - started) / 1_000_000, cluster.bootstrapServers);
        return cluster;
    }

    @Override
    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public int brokerCount() {
        return 1;
    }

    @Override
    public Admin admin() {
        return admin.get();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        admin.close();
        container.stop();
    }

    @Override
    public String toString() {
        return "TestcontainersKafkaCluster[" + bootstrapServers + ", image=" + container.getDockerImageName() + "]";
    }
}
