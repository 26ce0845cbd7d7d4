package io.meshwork.core.lineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshwork.core.runtime.ProductConfig;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LineageConfigTest {

    @Test
    void isOffUnlessConfigured() {
        assertThat(LineageConfig.fromEnvironment(Map.of())).isEqualTo(LineageConfig.off());
        assertThat(ProductConfig.of("kafka:9092").lineage().transport()).isEqualTo(LineageConfig.Transport.OFF);
    }

    @Test
    void readsEveryOpenLineageSettingFromTheEnvironment() {
        LineageConfig config = LineageConfig.fromEnvironment(Map.of(
                "MESHWORK_OPENLINEAGE_TRANSPORT", "HTTP",
                "MESHWORK_OPENLINEAGE_URL", "http://marquez:5000/api/v1/lineage",
                "MESHWORK_OPENLINEAGE_API_KEY", "secret",
                "MESHWORK_OPENLINEAGE_NAMESPACE", "prod-mesh",
                "MESHWORK_OPENLINEAGE_INTERVAL", "PT30S"));
        assertThat(config).isEqualTo(new LineageConfig(LineageConfig.Transport.HTTP,
                Optional.of(URI.create("http://marquez:5000/api/v1/lineage")), Optional.of("secret"),
                LineageConfig.DEFAULT_TOPIC, "prod-mesh", Duration.ofSeconds(30)));

        LineageConfig kafka = LineageConfig.fromEnvironment(Map.of("MESHWORK_OPENLINEAGE_TRANSPORT", "kafka",
                "MESHWORK_OPENLINEAGE_TOPIC", "lineage.events"));
        assertThat(kafka.kafkaTopic()).hasValueSatisfying(t -> assertThat(t.name()).isEqualTo("lineage.events"));
        assertThat(LineageConfig.console().kafkaTopic()).isEmpty();
    }

    @Test
    void productConfigCarriesLineageAndLagIntervalFromTheEnvironment() {
        ProductConfig config = ProductConfig.fromEnvironment(Map.of("KAFKA_BOOTSTRAP_SERVERS", "kafka:9092",
                "MESHWORK_OPENLINEAGE_TRANSPORT", "console", "MESHWORK_LAG_INTERVAL", "PT2S"));
        assertThat(config.lineage().transport()).isEqualTo(LineageConfig.Transport.CONSOLE);
        assertThat(config.lagInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(ProductConfig.of("kafka:9092").lagInterval()).isEqualTo(ProductConfig.DEFAULT_LAG_INTERVAL);
        assertThatThrownBy(() -> ProductConfig.fromEnvironment(Map.of("KAFKA_BOOTSTRAP_SERVERS", "kafka:9092",
                "MESHWORK_LAG_INTERVAL", "10 seconds"))).hasMessageContaining("MESHWORK_LAG_INTERVAL");
    }

    @Test
    void saysWhatIsWrongWithABadSetting() {
        assertThatThrownBy(() -> LineageConfig.fromEnvironment(Map.of("MESHWORK_OPENLINEAGE_TRANSPORT", "pigeon")))
                .hasMessageContaining("off, console, http or kafka").hasMessageContaining("pigeon");
        assertThatThrownBy(() -> LineageConfig.fromEnvironment(Map.of("MESHWORK_OPENLINEAGE_TRANSPORT", "http")))
                .hasMessageContaining("MESHWORK_OPENLINEAGE_URL");
        assertThatThrownBy(() -> LineageConfig.fromEnvironment(Map.of("MESHWORK_OPENLINEAGE_INTERVAL", "1m")))
                .hasMessageContaining("ISO-8601");
        assertThatThrownBy(() -> LineageConfig.off().withInterval(Duration.ZERO)).hasMessageContaining("positive");
    }

    @Test
    void anHttpUrlWithoutAPathPostsToTheOpenLineageApi() {
        var bare = LineageTransports.http(LineageConfig.http(URI.create("http://marquez:5000")));
        assertThat(bare.getUrl()).isEqualTo(URI.create("http://marquez:5000"));
        assertThat(bare.getEndpoint()).isEqualTo("/api/v1/lineage");
        var custom = LineageTransports.http(LineageConfig.http(URI.create("https://catalog.example/openlineage/events")));
        assertThat(custom.getUrl()).isEqualTo(URI.create("https://catalog.example"));
        assertThat(custom.getEndpoint()).isEqualTo("/openlineage/events");
    }

    @Test
    void kafkaDatasetsAreNamedAfterTheFirstBootstrapServer() {
        assertThat(KafkaDatasets.namespace("broker-1:9092, broker-2:9092")).isEqualTo("kafka://broker-1:9092");
        assertThat(KafkaDatasets.namespace("SASL_SSL://broker:9093")).isEqualTo("kafka://broker:9093");
    }
}
