package io.meshwork.products.orders;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshwork.test.DeliveryAudit;
import io.meshwork.test.ProductProcess;
import io.meshwork.testkit.junit.KafkaClusterExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Runs the orders product as an OS process, feeds it a batch of orders and {@code kill -9}s it while the batch is in
 * flight, again and again; then lets a last instance finish and audits what was delivered.
 */
final class CrashLoop {

    static final Duration READY_BOUND = Duration.ofSeconds(90);
    private static final int BATCH = 2_000;

    private final KafkaClusterExtension kafka;
    private final Path dir;
    private final List<Duration> readyAfter = new ArrayList<>();
    private List<String> produced = List.of();

    CrashLoop(KafkaClusterExtension kafka, Path dir) {
        this.kafka = kafka;
        this.dir = dir;
    }

    /** {@code kills} crashes under {@code guarantee}, then a clean finish; the audit of the output and dead letters. */
    DeliveryAudit run(String guarantee, int kills) {
        kafka.createTopic(OrdersProduct.ORDERS_PLACED, 4);
        Map<String, String> env = Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "KAFKA_PROCESSING_GUARANTEE", guarantee,
                "KAFKA_COMMIT_INTERVAL_MS", "100",
                // A killed member says no goodbye: the group waits this long before its partitions move on.
                "KAFKA_SESSION_TIMEOUT_MS", "6000",
                "MESHWORK_STATE_DIR", dir.resolve("state").toString());
        Path log = dir.resolve("orders.log");
        Instant at = Instant.now().minus(Duration.ofMinutes(30));
        try (OrderStream orders = new OrderStream(kafka.bootstrapServers())) {
            for (int kill = 0; kill < kills; kill++) {
                try (ProductProcess product = ProductProcess.start(OrdersProduct.class.getName(), env, log)) {
                    readyAfter.add(product.awaitReady(READY_BOUND));
                    orders.send(BATCH, at);
                    product.kill();
                }
            }
            try (ProductProcess product = ProductProcess.start(OrdersProduct.class.getName(), env, log)) {
                readyAfter.add(product.awaitReady(READY_BOUND));
                orders.send(BATCH, at);
                produced = orders.positions();
                List<ConsumerRecord<String, byte[]>> delivered = new ArrayList<>(
                        kafka.client().consumeUntil("commerce.orders", produced.size(), Duration.ofSeconds(120)));
                delivered.addAll(kafka.client().consumeFor("commerce.orders.dlq", Duration.ofSeconds(1)));
                // Anything late (a duplicate) would arrive now.
                delivered = new ArrayList<>(kafka.client().consumeFor("commerce.orders", Duration.ofSeconds(3)));
                delivered.addAll(kafka.client().consumeFor("commerce.orders.dlq", Duration.ofSeconds(1)));
                assertThat(product.isAlive()).isTrue();
                System.out.printf("%s: %d kills; ready after %s; %d orders produced, %d records delivered%n",
                        guarantee, kills, readyAfter, produced.size(), delivered.size());
                return DeliveryAudit.of(delivered);
            }
        }
    }

    List<String> produced() {
        return produced;
    }

    List<Duration> readyAfter() {
        return readyAfter;
    }
}
