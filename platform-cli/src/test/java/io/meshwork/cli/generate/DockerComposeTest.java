package io.meshwork.cli.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshwork.cli.MeshVersion;
import io.meshwork.core.contract.Contract;
import io.meshwork.governance.catalog.Catalog;
import io.meshwork.testkit.kafka.TestcontainersKafkaCluster;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** docker-compose.yml runs the whole mesh: every product of the contracts from its image, scraped by Prometheus. */
class DockerComposeTest {

    private static final YAMLMapper YAML = new YAMLMapper();

    private final JsonNode services = YAML.readTree(Path.of("../docker-compose.yml").toFile()).get("services");
    private final List<Contract> products = Catalog.load(Path.of("../contracts")).products();

    @Test
    void everyProductRunsFromTheImageJibBuildsForItAgainstTheComposeBroker() {
        assertThat(products).isNotEmpty().allSatisfy(product -> {
            JsonNode service = services.get(product.name());
            assertThat(service).as("a service for " + product.name()).isNotNull();
            assertThat(service.get("image").asString())
                    .isEqualTo("meshwork/" + product.name() + ":${MESHWORK_VERSION:-" + MeshVersion.version() + "}");
            assertThat(service.get("environment").get("MESHWORK_ADVERTISED_URL").asString())
                    .isEqualTo("http://" + product.name() + ":8080");
        });
    }

    @Test
    void prometheusScrapesEveryProductByServiceName() {
        JsonNode prometheus = YAML.readTree(Path.of("../deploy/observability/prometheus/prometheus.yml").toFile());
        List<String> targets = prometheus.findValue("targets").valueStream().map(JsonNode::asString).toList();

        assertThat(targets).containsExactlyInAnyOrderElementsOf(products.stream().map(p -> p.name() + ":8080").toList());
    }

    @Test
    void theBrokerIsTheKafkaVersionOfTheClients() {
        assertThat(services.get("kafka").get("image").asString()).isEqualTo(TestcontainersKafkaCluster.DEFAULT_IMAGE);
    }

    @Test
    void theInputsNoProductPublishesAreCreated() {
        String commands = services.get("topics").get("command").toString();
        List<String> published = products.stream().map(Contract::outputTopic).toList();

        assertThat(products.stream().flatMap(p -> p.ports().inputTopics().stream()).filter(t -> !published.contains(t))
                .distinct()).isNotEmpty().allSatisfy(topic -> assertThat(commands).contains(topic + ":"));
    }
}
