package io.meshwork.cli.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshwork.testkit.kafka.KafkaVersion;
import io.meshwork.testkit.kafka.TestcontainersKafkaCluster;
import io.strimzi.api.kafka.model.kafka.Kafka;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * One Kafka everywhere: the clients and Kafka Streams of every module (the parent pom's {@code kafka.version}), the
 * embedded broker, the Testcontainers image, the compose image ({@link DockerComposeTest}) and the Strimzi cluster.
 */
class KafkaVersionsTest {

    @Test
    void theStrimziClusterRunsTheKafkaOfTheClients() throws IOException {
        Kafka cluster = TypedResources.read(Path.of("../deploy/strimzi/kafka.yaml")).stream()
                .filter(Kafka.class::isInstance).map(Kafka.class::cast).findFirst().orElseThrow();
        assertThat(cluster.getSpec().getKafka().getVersion()).isEqualTo(KafkaVersion.current());
        // The metadata version of that release (4.4.0 -> 4.4-IVn), so the cluster may use what its brokers offer.
        assertThat(cluster.getSpec().getKafka().getMetadataVersion())
                .startsWith(KafkaVersion.current().replaceAll("^(\\d+\\.\\d+).*", "$1") + "-IV");
    }

    @Test
    void theTestcontainersBackendRunsTheKafkaOfTheClients() {
        assertThat(TestcontainersKafkaCluster.DEFAULT_IMAGE).isEqualTo("apache/kafka:" + KafkaVersion.current());
    }
}
