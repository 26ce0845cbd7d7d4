package io.meshwork.testkit.junit;

import io.meshwork.testkit.kafka.KafkaCluster;
import io.meshwork.testkit.kafka.KafkaClusters;
import io.meshwork.testkit.kafka.KafkaTestClient;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit Jupiter extension running one real Kafka cluster per test class: started before the
 * first test, shared by every test method (and {@code @Nested} class), closed after the last.
 *
 * <pre>{@code
 * class OrdersIT {
 *     @RegisterExtension
 *     static final KafkaClusterExtension kafka = KafkaClusterExtension.singleBroker();
 *
 *     @Test
 *     void roundTrip() {
 *         kafka.createTopic("orders", 1);
 *         kafka.client().produce("orders", "o-1", "{}");
 *         assertThat(kafka.client().consumeUntil("orders", 1, Duration.ofSeconds(10))).hasSize(1);
 *     }
 * }
 * }</pre>
 *
 * <p>The field must be {@code static}. The backend follows {@link KafkaClusters}: embedded unless
 * the {@code meshwork.kafka.backend} system property says {@code testcontainers}. Test method
 * and lifecycle parameters of type {@link KafkaCluster} or {@link KafkaTestClient} are resolved
 * to this extension's cluster and client.
 */
public final class KafkaClusterExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, ParameterResolver {

    private final int brokers;
    private KafkaCluster cluster;
    private KafkaTestClient client;
    private String ownerUniqueId;

    private KafkaClusterExtension(int brokers) {
        if (brokers < 1) {
            throw new IllegalArgumentException("A cluster needs at least one broker, got " + brokers);
        }
        this.brokers = brokers;
    }

    /** One broker (also the KRaft controller). */
    public static KafkaClusterExtension singleBroker() {
        return new KafkaClusterExtension(1);
    }

    /** {@code count} brokers, e.g. 3 to test replication. */
    public static KafkaClusterExtension brokers(int count) {
        return new KafkaClusterExtension(count);
    }

    @Override
    public synchronized void beforeAll(ExtensionContext context) {
        if (cluster != null) {
            return; // a @Nested class of the class that started it
        }
        cluster = KafkaClusters.start(brokers);
        client = cluster.newClient();
        ownerUniqueId = context.getUniqueId();
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) {
        if (cluster == null || !context.getUniqueId().equals(ownerUniqueId)) {
            return;
        }
        try {
            client.close();
        } finally {
            cluster.close();
            cluster = null;
            client = null;
            ownerUniqueId = null;
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        requireStarted();
    }

    /** The running cluster. */
    public KafkaCluster cluster() {
        return requireStarted();
    }

    /** The {@code bootstrap.servers} of the running cluster. */
    public String bootstrapServers() {
        return requireStarted().bootstrapServers();
    }

    /** The cluster's admin client; owned by the cluster, do not close it. */
    public Admin admin() {
        return requireStarted().admin();
    }

    /** See {@link KafkaCluster#createTopic(String, int)}: idempotent. */
    public void createTopic(String name, int partitions) {
        requireStarted().createTopic(name, partitions);
    }

    /** See {@link KafkaCluster#createTopics(NewTopic...)}: idempotent. */
    public void createTopics(NewTopic... topics) {
        requireStarted().createTopics(topics);
    }

    /** Produce/consume helper connected to the cluster, shared by the class's tests; closed in afterAll. */
    public synchronized KafkaTestClient client() {
        requireStarted();
        return client;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return type == KafkaCluster.class || type == KafkaTestClient.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == KafkaCluster.class ? cluster() : client();
    }

    private synchronized KafkaCluster requireStarted() {
        if (cluster == null) {
            throw new ExtensionConfigurationException("The Kafka cluster is not running: register KafkaClusterExtension "
                + "on a static field (@RegisterExtension static final KafkaClusterExtension kafka = ...)");
        }
        return cluster;
    }
}
