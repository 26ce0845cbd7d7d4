package io.meshwork.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProductConfigTest {

    private static final String JAAS =
            "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"orders\" password=\"s3cr3t\";";

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
    void theVariableOfASettingIsReadBackAsThatSetting() {
        assertThat(ProductConfig.environmentVariable("session.timeout.ms")).isEqualTo("KAFKA_SESSION_TIMEOUT_MS");
        assertThat(ProductConfig.kafkaSettings(Map.of(ProductConfig.environmentVariable("ssl.truststore.location"), "/ca.p12")))
                .containsExactly(Map.entry("ssl.truststore.location", "/ca.p12"));
    }

    @Test
    void everyClientSecuritySettingOfTheArticleIsPassedThroughAndMaskedWhenPrinted() {
        ProductConfig config = ProductConfig.fromEnvironment(Map.ofEntries(
                Map.entry("KAFKA_BOOTSTRAP_SERVERS", "broker:9093"),
                Map.entry("KAFKA_SECURITY_PROTOCOL", "SASL_SSL"),
                Map.entry("KAFKA_SASL_MECHANISM", "SCRAM-SHA-512"),
                Map.entry("KAFKA_SASL_JAAS_CONFIG", JAAS),
                Map.entry("KAFKA_SSL_TRUSTSTORE_LOCATION", "/etc/kafka/truststore.p12"),
                Map.entry("KAFKA_SSL_TRUSTSTORE_PASSWORD", "trust-me-not"),
                Map.entry("KAFKA_SSL_TRUSTSTORE_TYPE", "PKCS12"),
                Map.entry("MESHWORK_JWT_SECRET", "a-jwt-secret-of-at-least-thirty-two-bytes"),
                Map.entry("MESHWORK_OPENLINEAGE_TRANSPORT", "http"),
                Map.entry("MESHWORK_OPENLINEAGE_URL", "http://marquez:5000"),
                Map.entry("MESHWORK_OPENLINEAGE_API_KEY", "lineage-api-key")));

        assertThat(config.kafka()).containsEntry("sasl.jaas.config", JAAS)
                .containsEntry("ssl.truststore.location", "/etc/kafka/truststore.p12")
                .containsEntry("ssl.truststore.password", "trust-me-not")
                .containsEntry("ssl.truststore.type", "PKCS12");
        assertThat(config.toString())
                .contains("security.protocol=SASL_SSL", "sasl.mechanism=SCRAM-SHA-512", "sasl.jaas.config=[hidden]",
                        "ssl.truststore.password=[hidden]", "ssl.truststore.location=/etc/kafka/truststore.p12")
                .doesNotContain("s3cr3t", "trust-me-not", "a-jwt-secret", "lineage-api-key");
    }

    @Test
    void secretsAreWhatKafkaTypesAsPasswordsAndWhatSaysSoInItsName() {
        assertThat(KafkaSettings.masked(Map.of("sasl.jaas.config", JAAS, "ssl.key.password", "k", "ssl.keystore.key", "pem",
                "basic.auth.user.info", "u:p", "schema.registry.api.secret", "x", "bootstrap.servers", "b:9092")))
                .containsEntry("sasl.jaas.config", "[hidden]")
                .containsEntry("ssl.key.password", "[hidden]")
                .containsEntry("ssl.keystore.key", "[hidden]")
                .containsEntry("schema.registry.api.secret", "[hidden]")
                .containsEntry("bootstrap.servers", "b:9092");
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
