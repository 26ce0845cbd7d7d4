package io.meshwork.testkit.junit;

import io.meshwork.testkit.kafka.KafkaCluster;
import io.meshwork.testkit.kafka.KafkaTestClient;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static io.meshwork.testkit.kafka.KafkaTestClient.valuesAsStrings;
import static org.assertj.core.api.Assertions.assertThat;

@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KafkaClusterExtensionIT {

    @RegisterExtension
    static final KafkaClusterExtension kafka = KafkaClusterExtension.singleBroker();

    private static String firstTestBootstrapServers;
    private static KafkaCluster firstTestCluster;

    @Test
    @Order(1)
    void firstTestGetsARunningCluster() {
        firstTestBootstrapServers = kafka.bootstrapServers();
        firstTestCluster = kafka.cluster();
        kafka.createTopic("shared", 1);
        kafka.client().produce("shared", "k", "from first test");

        assertThat(firstTestBootstrapServers).isNotBlank();
    }

    @Test
    @Order(2)
    void secondTestSharesTheSameCluster() {
        assertThat(kafka.bootstrapServers()).isEqualTo(firstTestBootstrapServers);
        assertThat(valuesAsStrings(kafka.client().consumeUntil("shared", 1, Duration.ofSeconds(20))))
            .containsExactly("from first test");
    }

    @Test
    @Order(3)
    void clusterAndClientAreInjectedAsParameters(KafkaCluster cluster, KafkaTestClient client) {
        assertThat(cluster.bootstrapServers()).isEqualTo(kafka.bootstrapServers());
        assertThat(client).isSameAs(kafka.client());
    }

    // Jupiter runs a class's own test methods before its @Nested classes.
    @Nested
    class NestedTests {

        @Test
        void nestedClassSharesTheOuterCluster(KafkaCluster cluster) {
            assertThat(cluster).isSameAs(firstTestCluster);
        }
    }
}
