package io.meshwork.core.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.meshwork.core.contract.Contract;
import io.meshwork.core.contract.ContractLocator;
import io.meshwork.core.contract.Violation;
import io.meshwork.testkit.junit.KafkaClusterExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/** The docs/consumers.md example against a real broker: the orders output topic with good and bad records. */
class ContractDeserializerIT {

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = KafkaClusterExtension.singleBroker();

    static final String VALID = """
            {"orderId":"o-1","customerId":"c-1","eventId":"6f1c1f5e-6a8b-4d53-9a3e-6a2d7c1b9f10",
             "timestamp":"2024-03-01T10:15:00Z","region":"EU","currency":"CHF","totalAmount":42.5,
             "items":[{"productId":"p-1","quantity":1,"price":42.5}],"itemCount":1}""";

    @Test
    void theExampleSubscriberGetsValidOrdersAndEveryViolationIsRoutedToItsCallback() {
        Contract orders = ContractLocator.fromEnvironment().load("orders");
        KAFKA.createTopic(orders.outputTopic(), 1);
        KAFKA.client().produce(orders.outputTopic(), "c-1", VALID);
        KAFKA.client().produce(orders.outputTopic(), "c-2", VALID.replace("42.5,\n", "-1,\n"));
        KAFKA.client().produce(orders.outputTopic(), "c-3", "not json".getBytes(StandardCharsets.UTF_8));

        List<ContractViolation> violations = new CopyOnWriteArrayList<>();
        List<ConsumerRecord<String, JsonNode>> received = new CopyOnWriteArrayList<>();
        try (KafkaConsumer<String, JsonNode> consumer = SubscribeToOrders.subscribe(KAFKA.bootstrapServers(),
                "orders-dashboard", orders, violations::add)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(received::add);
                return received.size() >= 3;
            });
        }

        assertThat(received).extracting(ConsumerRecord::key).containsExactly("c-1", "c-2", "c-3");
        assertThat(received.get(0).value().get("totalAmount").asDouble()).isEqualTo(42.5);
        assertThat(received.get(1).value()).isNull();
        assertThat(received.get(2).value()).isNull();
        assertThat(violations).extracting(ContractViolation::topic).containsOnly("commerce.orders");
        assertThat(violations.get(0).violations()).extracting(Violation::rule, Violation::path)
                .containsExactly(Tuple.tuple("minimum", "$.totalAmount"));
        assertThat(violations.get(1).violations()).extracting(Violation::rule).containsExactly("json");
        assertThat(violations.get(1).tree()).isNull();
    }
}
