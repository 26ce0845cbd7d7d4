package ${package};

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.meshwork.core.contract.Contract;
import io.meshwork.core.contract.ContractLocator;
import io.meshwork.core.runtime.ProductConfig;
import io.meshwork.core.runtime.ProductRuntime;
import io.meshwork.core.traffic.SyntheticRecord;
import io.meshwork.testkit.junit.KafkaClusterExtension;
import io.meshwork.testkit.kafka.KafkaTestClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The ${name} product end to end on a real, in-JVM Kafka broker. */
class ${className}ProductIT {

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = KafkaClusterExtension.singleBroker();

    private static final int VALID = 10;
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    static Path stateDir;

    private static Contract contract;
    private static ProductRuntime product;

    @BeforeAll
    static void startProduct() {
        ${className}Product.INPUTS.forEach(topic -> KAFKA.createTopic(topic, 1));
        contract = ContractLocator.fromEnvironment().load("${name}");
        ProductConfig config = ProductConfig.of(KAFKA.bootstrapServers())
                .withHttpPort(0)
                .withStateDir(stateDir)
                .withKafka("commit.interval.ms", 100);
        product = ProductRuntime.start(new ${className}Product(), contract, config);
        await().atMost(TIMEOUT).until(() -> product.state() == KafkaStreams.State.RUNNING);
    }

    @AfterAll
    static void stopProduct() {
        if (product != null) {
            product.close();
        }
    }

    @Test
    void validEventsArePublishedAndBadOnesDeadLettered() {
        KafkaTestClient client = KAFKA.client();
        ${className}Traffic traffic = new ${className}Traffic();
        Random random = new Random(7);
        for (int i = 0; i < VALID; i++) {
            SyntheticRecord record = traffic.next(random, Instant.now(), false);
            client.produce(traffic.topic(), record.key(), record.value());
        }
        client.produce(traffic.topic(), "bad-1", "not json at all");
        client.produce(traffic.topic(), "bad-2", ${className}Traffic.event("bad-2", Instant.now(), -5).toString());

        assertThat(client.consumeUntil(contract.outputTopic(), VALID, TIMEOUT)).hasSize(VALID);
        assertThat(client.consumeUntil(contract.ports().deadLetter(), 2, TIMEOUT))
                .extracting(record -> record.key()).containsExactlyInAnyOrder("bad-1", "bad-2");
    }
}
