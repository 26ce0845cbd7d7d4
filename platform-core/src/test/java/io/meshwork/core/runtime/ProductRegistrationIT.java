package io.meshwork.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.meshwork.core.contract.Contract;
import io.meshwork.core.contract.ContractLoader;
import io.meshwork.core.registry.ContractRegistry;
import io.meshwork.core.registry.Registration;
import io.meshwork.testkit.junit.KafkaClusterExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A product registers its contract on the mesh at start, and one incompatible with the registered contract is refused. */
class ProductRegistrationIT {

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = KafkaClusterExtension.singleBroker();

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @TempDir
    Path stateDir;

    @BeforeAll
    static void createInput() {
        KAFKA.createTopic(SalesPerMinuteProduct.SALES, 2);
    }

    @Test
    void aStartedProductRegistersItsContractQueryPortAndInstanceOnTheCompactedRegistryTopic() throws Exception {
        Contract contract = SalesPerMinuteProduct.contract();
        try (ProductRuntime product = start(contract)) {
            ContractRegistry registry = new ContractRegistry(Map.of("bootstrap.servers", KAFKA.bootstrapServers()));
            Registration registered = await().atMost(PATIENCE)
                    .until(() -> registry.read(PATIENCE).get("testing/sales-per-minute"), r -> r != null);

            assertThat(registered.version()).isEqualTo("1.0.0");
            assertThat(registered.owner()).isEqualTo("platform-team");
            assertThat(registered.outputTopic()).isEqualTo(SalesPerMinuteProduct.OUTPUT);
            assertThat(registered.sla()).containsEntry("freshness", "PT10M");
            assertThat(registered.queryPortUrl()).isEqualTo("http://localhost:" + product.httpPort());
            assertThat(registered.instanceId()).isEqualTo("localhost:" + product.httpPort());
            assertThat(registered.toContract()).isEqualTo(new Contract(contract.identity(), contract.ports(),
                    contract.schema(), contract.sla(), contract.access(), registered.toContract().source()));
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, ContractRegistry.TOPIC);
            Config config = KAFKA.admin().describeConfigs(List.of(topic)).all().get().get(topic);
            assertThat(config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
        }
    }

    @Test
    void aContractIncompatibleWithTheRegisteredOneOfItsMajorVersionIsRefusedAtStartWithTheRuleThatFired() throws IOException {
        try (ProductRuntime product = start(SalesPerMinuteProduct.contract())) {
            assertThat(product.state()).isNotNull();
        }
        Contract breaking = variant("version: 1.0.0", "version: 1.1.0", "required: [region, minute, sales]",
                "required: [region, minute, sales, currency]", "    sales:\n", """
                    currency:
                      type: string
                      description: The currency sold in
                    sales:
                """);

        assertThatThrownBy(() -> start(breaking).close())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("testing/sales-per-minute 1.1.0 is incompatible with the registered 1.0.0")
                .hasMessageContaining("required-added at $.currency");
    }

    private Contract variant(String... replacements) throws IOException {
        String text = Files.readString(SalesPerMinuteProduct.contract().source());
        for (int i = 0; i < replacements.length; i += 2) {
            text = text.replace(replacements[i], replacements[i + 1]);
        }
        return ContractLoader.parse(stateDir.resolve("sales-per-minute.yaml"), text);
    }

    private ProductRuntime start(Contract contract) {
        ProductRuntime product = ProductRuntime.start(new SalesPerMinuteProduct(), contract,
                ProductConfig.of(KAFKA.bootstrapServers()).withHttpPort(0).withStateDir(stateDir.resolve("state")));
        await().atMost(PATIENCE).until(() -> product.state() == org.apache.kafka.streams.KafkaStreams.State.RUNNING);
        return product;
    }
}
