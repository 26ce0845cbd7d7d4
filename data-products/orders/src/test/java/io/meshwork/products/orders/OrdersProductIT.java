package io.meshwork.products.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.meshwork.core.port.MeshworkHeaders;
import io.meshwork.core.runtime.ProductRuntime;
import io.meshwork.core.traffic.SyntheticRecord;
import io.meshwork.test.RunningProducts;
import io.meshwork.testkit.junit.KafkaClusterExtension;
import io.meshwork.testkit.kafka.KafkaTestClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

/** The orders product end to end on a real, in-JVM Kafka broker. */
class OrdersProductIT {

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = KafkaClusterExtension.singleBroker();

    private static final int VALID = 25;
    private static final Instant NOW = Instant.now().minus(Duration.ofMinutes(30));

    @TempDir
    static Path stateDir;

    private static ProductRuntime orders;

    @BeforeAll
    static void startProduct() {
        KAFKA.createTopic(OrdersProduct.ORDERS_PLACED, 3);
        orders = RunningProducts.startRunning(new OrdersProduct(), RunningProducts.exactlyOnce(KAFKA.bootstrapServers(), stateDir));
    }

    @AfterAll
    static void stopProduct() {
        if (orders != null) {
            orders.close();
        }
    }

    @Test
    void validEventsArePublishedAndEveryBadOneIsDeadLetteredWithWhy() throws Exception {
        KafkaTestClient client = KAFKA.client();
        Random random = new Random(7);
        OrderTraffic traffic = new OrderTraffic();
        for (int i = 0; i < VALID; i++) {
            SyntheticRecord record = traffic.next(random, NOW.plusSeconds(i), false);
            client.produce(OrdersProduct.ORDERS_PLACED, record.key(), record.value());
        }
        List<Map.Entry<String, RecordMetadata>> invalid = new ArrayList<>();
        invalid.add(Map.entry("deserialization", client.produce(OrdersProduct.ORDERS_PLACED, "c-1", "not json at all")));
        invalid.add(Map.entry("deserialization", client.produce(OrdersProduct.ORDERS_PLACED, "c-2",
                new byte[] {(byte) 0xC3, 0x28, 0x00, 0x7F})));
        invalid.add(Map.entry("contract", client.produce(OrdersProduct.ORDERS_PLACED, "c-3",
                event(random, e -> ((ObjectNode) e.get("payload")).put("currency", "Swiss francs")))));
        invalid.add(Map.entry("contract", client.produce(OrdersProduct.ORDERS_PLACED, "c-4",
                event(random, e -> e.put("timestamp", "not a time")))));
        invalid.add(Map.entry("contract", client.produce(OrdersProduct.ORDERS_PLACED, "c-5", "{\"eventId\":\"x\"}")));
        int bad = invalid.size();

        List<ConsumerRecord<String, byte[]>> deadLetters = client.consumeUntil("commerce.orders.dlq", bad, Duration.ofSeconds(60));
        List<ConsumerRecord<String, byte[]>> published = client.consumeUntil("commerce.orders", VALID, Duration.ofSeconds(60));
        // Nothing more arrives: exactly N out and exactly M dead-lettered.
        assertThat(client.consumeFor("commerce.orders", Duration.ofSeconds(2))).hasSize(VALID);
        assertThat(client.consumeFor("commerce.orders.dlq", Duration.ofSeconds(1))).hasSize(bad);
        assertThat(published).hasSize(VALID);
        assertThat(deadLetters).hasSize(bad);

        for (var expected : invalid) {
            ConsumerRecord<String, byte[]> dead = deadLetters.stream()
                    .filter(r -> header(r, MeshworkHeaders.SOURCE_OFFSET).equals(Long.toString(expected.getValue().offset()))
                            && header(r, MeshworkHeaders.SOURCE_PARTITION).equals(Integer.toString(expected.getValue().partition())))
                    .findFirst().orElseThrow(() -> new AssertionError("no dead letter for " + expected));
            assertThat(header(dead, MeshworkHeaders.KIND)).isEqualTo(expected.getKey());
            assertThat(header(dead, MeshworkHeaders.SOURCE_TOPIC)).isEqualTo(OrdersProduct.ORDERS_PLACED);
            assertThat(header(dead, MeshworkHeaders.RULE)).isNotBlank();
            assertThat(header(dead, MeshworkHeaders.PATH)).startsWith("$");
            assertThat(header(dead, MeshworkHeaders.MESSAGE)).isNotBlank();
            assertThat(header(dead, MeshworkHeaders.PRODUCT)).isEqualTo("commerce/orders");
        }
        ConsumerRecord<String, byte[]> notJson = deadLetters.stream()
                .filter(r -> KafkaTestClient.valueAsString(r).equals("not json at all")).findFirst().orElseThrow();
        assertThat(notJson.key()).isEqualTo("c-1");
        assertThat(header(notJson, MeshworkHeaders.RULE)).isEqualTo("deserialization");
        ConsumerRecord<String, byte[]> badCurrency = deadLetters.stream().filter(r -> r.key().equals("c-3")).findFirst().orElseThrow();
        assertThat(header(badCurrency, MeshworkHeaders.RULE)).isEqualTo("pattern");
        assertThat(header(badCurrency, MeshworkHeaders.PATH)).isEqualTo("$.currency");

        int total = VALID + bad;
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String metrics = get("/metrics");
            assertThat(metric(metrics, "dataproduct_records_in_total", "topic=\"commerce.orders.placed\"")).isEqualTo(total);
            assertThat(metric(metrics, "dataproduct_records_out_total", "")).isEqualTo(VALID);
            assertThat(sum(metrics, "dataproduct_records_dlq_total")).isEqualTo(bad);
        });
    }

    @Test
    void healthAndReadinessAnswerJson() throws Exception {
        assertThat(get("/health")).contains("\"status\":\"UP\"");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(get("/ready")).contains("\"status\":\"UP\""));
    }

    private static String event(Random random, Consumer<ObjectNode> edit) {
        ObjectNode event = OrderTraffic.orderPlaced(random, OrderTraffic.customerId(1), NOW);
        edit.accept(event);
        return event.toString();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String get(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + orders.httpPort() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.body();
    }

    /** The value of the one sample of {@code name} whose labels contain {@code labels}. */
    private static double metric(String text, String name, String labels) {
        Matcher m = Pattern.compile("(?m)^" + name + "\\{([^}]*)\\} (\\S+)$").matcher(text);
        while (m.find()) {
            if (m.group(1).contains(labels) && m.group(1).contains("product=\"orders\"")) {
                return Double.parseDouble(m.group(2));
            }
        }
        throw new AssertionError(name + "{" + labels + "} not in /metrics");
    }

    private static double sum(String text, String name) {
        Matcher m = Pattern.compile("(?m)^" + name + "\\{[^}]*\\} (\\S+)$").matcher(text);
        double total = 0;
        while (m.find()) {
            total += Double.parseDouble(m.group(1));
        }
        return total;
    }
}
