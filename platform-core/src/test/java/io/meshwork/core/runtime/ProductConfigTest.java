package io.meshwork.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProductConfigTest {

    @Test
    void kafkaSettingsArePassedThroughFromTheEnvironment() {
        ProductConfig config = ProductConfig.fromEnvironment(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", "broker:9092",
                "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
                "KAFKA_SASL_JAAS_CONFIG", "org.apache.kafka.common.security.scram.ScramLoginModule required;",
                "KAFKA_PROCESSING_GUARANTEE", "exactly_once_v2"));

        assertThat(config.kafka()).containsEntry("bootstrap.servers", "broker:9092")
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required;")
                .containsEntry("processing.guarantee", "exactly_once_v2");
    }

    @Test
    void environmentVariablesThatAreNotKafkaSettingsAreIgnored() {
        ProductConfig config = ProductConfig.fromEnvironment(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", "broker:9092", "KAFKA_HOME", "/opt/kafka", "PATH", "/usr/bin"));

        assertThat(config.kafka()).containsOnlyKeys("bootstrap.servers");
    }

    @Test
    void meshworkSettingsHaveDefaults() {
        ProductConfig defaults = ProductConfig.fromEnvironment(Map.of("KAFKA_BOOTSTRAP_SERVERS", "b:9092"));
        ProductConfig set = ProductConfig.fromEnvironment(Map.of("KAFKA_BOOTSTRAP_SERVERS", "b:9092",
                "MESHWORK_HTTP_PORT", "9000", "MESHWORK_STATE_DIR", "/var/lib/orders", "MESHWORK_CREATE_TOPICS", "false"));

        assertThat(defaults.httpPort()).isEqualTo(8080);
        assertThat(defaults.createTopics()).isTrue();
        assertThat(set.httpPort()).isEqualTo(9000);
        assertThat(set.stateDir()).isEqualTo(Optional.of(Path.of("/var/lib/orders")));
        assertThat(set.createTopics()).isFalse();
    }

    @Test
    void missingBootstrapServersIsAClearError() {
        assertThatThrownBy(() -> ProductConfig.fromEnvironment(Map.of()))
                .hasMessageContaining("KAFKA_BOOTSTRAP_SERVERS");
    }
}
