package io.meshwork.cli.up;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LocalMeshConnectionTest {

    private static final Map<String, String> ENV = Map.of(
            "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
            "KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
            "KAFKA_SASL_JAAS_CONFIG", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"mesh\" password=\"s3cret\";",
            "KAFKA_SSL_TRUSTSTORE_LOCATION", "/etc/kafka/ca.p12",
            "KAFKA_APPLICATION_ID", "would-rename-every-product",
            "KAFKA_NOT_A_SETTING", "x");

    @Test
    void aMeshOnAnExistingClusterConnectsWithTheCredentialsAndTlsSettingsOfTheEnvironment() {
        assertThat(LocalMesh.connection(options(Optional.of("kafka:9093")), ENV)).containsOnlyKeys(
                "security.protocol", "sasl.mechanism", "sasl.jaas.config", "ssl.truststore.location");
    }

    @Test
    void theEmbeddedBrokerNeedsNone() {
        assertThat(LocalMesh.connection(options(Optional.empty()), ENV)).isEmpty();
    }

    private static UpOptions options(Optional<String> bootstrap) {
        return new UpOptions(Path.of(".mesh"), bootstrap, 0, 10, 0.05, 8080, List.of(), "exactly_once_v2");
    }
}
