package io.meshwork.testkit.kafka;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

class KafkaClustersTest {

    private final String previous = System.getProperty(KafkaClusters.BACKEND_PROPERTY);

    @AfterEach
    void restoreProperty() {
        if (previous == null) {
            System.clearProperty(KafkaClusters.BACKEND_PROPERTY);
        } else {
            System.setProperty(KafkaClusters.BACKEND_PROPERTY, previous);
        }
    }

    @Test
    void embeddedIsTheDefaultBackend() {
        System.clearProperty(KafkaClusters.BACKEND_PROPERTY);

        assertThat(KafkaClusters.selectedBackend()).isEqualTo(KafkaBackend.EMBEDDED);
    }

    @Test
    void backendIsReadFromTheSystemPropertyCaseInsensitively() {
        System.setProperty(KafkaClusters.BACKEND_PROPERTY, " TestContainers ");

        assertThat(KafkaClusters.selectedBackend()).isEqualTo(KafkaBackend.TESTCONTAINERS);
    }

    @Test
    void unknownBackendIsRejectedWithTheValidNames() {
        System.setProperty(KafkaClusters.BACKEND_PROPERTY, "zookeeper");

        assertThatThrownBy(KafkaClusters::selectedBackend)
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("Unknown Kafka backend 'zookeeper': use 'embedded' or 'testcontainers'");
    }

    @Test
    void testcontainersBackendRefusesSeveralBrokers() {
        assertThatThrownBy(() -> KafkaClusters.start(KafkaBackend.TESTCONTAINERS, 3))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("runs a single broker; 3 were requested");
    }

    @Test
    void testcontainersBackendWithoutDockerSaysSo() {
        assumeFalse(DockerClientFactory.instance().isDockerAvailable(), "Docker is available here");

        assertThatThrownBy(() -> KafkaClusters.start(KafkaBackend.TESTCONTAINERS, 1))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("needs a Docker engine, and none is reachable");
    }
}
