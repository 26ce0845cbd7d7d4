package io.meshwork.products.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.meshwork.core.contract.ContractLocator;
import io.meshwork.core.runtime.ProductConfig;
import io.meshwork.core.runtime.ProductRuntime;
import io.meshwork.test.DeliveryAudit;
import io.meshwork.testkit.junit.KafkaClusterExtension;
import io.meshwork.testkit.kafka.EmbeddedKafkaCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three brokers, replication 3 and min.insync.replicas 2, as the article's cluster; one broker is lost in the middle
 * of a 100,000-record stream: under exactly_once_v2 every record is on the output, once.
 */
@Tag("fault")
class OrdersBrokerLossIT {

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = KafkaClusterExtension.brokers(3);

    private static final int RECORDS = 100_000;
    private static final int CHUNK = 5_000;

    @TempDir
    Path stateDir;

    @Test
    void losingABrokerMidStreamLosesAndDuplicatesNothing() throws Exception {
        Map<String, String> durable = Map.of("min.insync.replicas", "2");
        KAFKA.createTopics(
                new NewTopic(OrdersProduct.ORDERS_PLACED, Optional.of(6), Optional.of((short) 3)).configs(durable),
                new NewTopic("commerce.orders", Optional.of(6), Optional.of((short) 3)).configs(durable),
                new NewTopic("commerce.orders.dlq", Optional.of(6), Optional.of((short) 3)).configs(durable));
        ProductConfig config = ProductConfig.of(KAFKA.bootstrapServers())
                .withHttpPort(0)
                .withStateDir(stateDir)
                .withKafka("processing.guarantee", "exactly_once_v2")
                .withKafka("replication.factor", 3)
                .withKafka("commit.interval.ms", 100);
        try (ProductRuntime orders = ProductRuntime.start(new OrdersProduct(), ContractLocator.fromEnvironment().load("orders"), config);
             OrderStream stream = new OrderStream(KAFKA.bootstrapServers())) {
            await().atMost(Duration.ofSeconds(60)).until(() -> orders.state() == KafkaStreams.State.RUNNING);
            Instant at = Instant.now().minus(Duration.ofMinutes(30));
            CompletableFuture<Void> feed = CompletableFuture.runAsync(() -> {
                for (int sent = 0; sent < RECORDS; sent += CHUNK) {
                    stream.send(CHUNK, at);
                }
            });
            await().atMost(Duration.ofMinutes(3)).until(() -> orders.flow().out() >= RECORDS / 3);
            long started = System.nanoTime();
            ((EmbeddedKafkaCluster) KAFKA.cluster()).stopBroker(2);
            System.out.printf("broker 2 stopped after %.0f records published%n", orders.flow().out());
            feed.get();
            await().atMost(Duration.ofMinutes(5)).until(() -> orders.flow().out() >= RECORDS);
            System.out.printf("the remaining records were published %d ms after the broker was lost%n",
                    (System.nanoTime() - started) / 1_000_000);

            List<ConsumerRecord<String, byte[]>> published = new ArrayList<>(
                    KAFKA.client().consumeUntil("commerce.orders", RECORDS, Duration.ofMinutes(2)));
            published = KAFKA.client().consumeFor("commerce.orders", Duration.ofSeconds(3));
            DeliveryAudit audit = DeliveryAudit.of(published);
            assertThat(audit.duplicates()).as("published twice").isEmpty();
            assertThat(audit.missing(stream.positions())).as("never published").isEmpty();
            assertThat(published).hasSize(RECORDS);
            assertThat(orders.state()).isEqualTo(KafkaStreams.State.RUNNING);
        }
    }
}
