package io.meshwork.products.orders;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshwork.core.port.MeshworkHeaders;
import io.meshwork.test.ProductTestDriver;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class OrdersTopologyTest {

    private static final Instant PLACED = Instant.parse("2026-11-20T10:15:30.123Z");
    private static final String CUSTOMER = OrderTraffic.customerId(7);

    private final ProductTestDriver driver = ProductTestDriver.of(new OrdersProduct());
    private final Random random = new Random(42);

    @AfterEach
    void close() {
        driver.close();
    }

    /** The event exactly as the article's publishOrderPlaced builds it: no region. */
    private static final String ARTICLE_EVENT = """
            {"eventId":"3f1c2b6e-8d4a-4f7e-9b1a-2c5d6e7f8a9b","eventType":"ORDER_PLACED",
             "timestamp":"2026-11-20T10:15:30.123Z",
             "payload":{"orderId":"o-1001","customerId":"c-42",
                        "items":[{"productId":"p-1","quantity":2,"price":49.9}],
                        "totalAmount":99.8,"currency":"CHF"},
             "metadata":{"correlationId":"corr-1","source":"order-service","version":"2.0.0"}}
            """;

    @Test
    void theArticlesEventBecomesOneFlatOrderWithUnknownRegion() {
        driver.send(OrdersProduct.ORDERS_PLACED, "c-42", ARTICLE_EVENT, PLACED);

        List<TestRecord<String, JsonNode>> out = driver.output();
        assertThat(out).hasSize(1);
        TestRecord<String, JsonNode> order = out.get(0);
        assertThat(order.key()).isEqualTo("c-42");
        assertThat(order.value().get("orderId").asString()).isEqualTo("o-1001");
        assertThat(order.value().get("region").asString()).isEqualTo("unknown");
        assertThat(order.value().get("totalAmount").decimalValue()).isEqualByComparingTo("99.8");
        assertThat(order.value().get("itemCount").asInt()).isEqualTo(1);
        assertThat(order.value().get("correlationId").asString()).isEqualTo("corr-1");
        assertThat(driver.deadLetters()).isEmpty();
    }

    @Test
    void eventTimeIsTheEventsTimestampNotTheRecordTime() {
        ObjectNode event = OrderTraffic.orderPlaced(random, CUSTOMER, PLACED);

        driver.send(OrdersProduct.ORDERS_PLACED, CUSTOMER, event.toString(), PLACED.plusSeconds(3600));

        assertThat(driver.output().get(0).getRecordTime()).isEqualTo(PLACED);
    }

    @Test
    void regionIsKeptWhenTheEventCarriesOne() {
        ObjectNode event = OrderTraffic.orderPlaced(random, CUSTOMER, PLACED);
        ((ObjectNode) event.get("payload")).put("region", "zurich");

        driver.send(OrdersProduct.ORDERS_PLACED, CUSTOMER, event.toString(), PLACED);

        assertThat(driver.output().get(0).value().get("region").asString()).isEqualTo("zurich");
    }

    @Test
    void negativeTotalGoesToTheDeadLetterTopicWithRuleAndPath() {
        ObjectNode event = OrderTraffic.orderPlaced(random, CUSTOMER, PLACED);
        ((ObjectNode) event.get("payload")).put("totalAmount", -10);

        driver.send(OrdersProduct.ORDERS_PLACED, CUSTOMER, event.toString(), PLACED);

        assertThat(driver.output()).isEmpty();
        TestRecord<String, byte[]> dead = driver.deadLetters().get(0);
        assertThat(dead.key()).isEqualTo(CUSTOMER);
        assertThat(header(dead, MeshworkHeaders.KIND)).isEqualTo("contract");
        assertThat(header(dead, MeshworkHeaders.RULE)).isEqualTo("minimum");
        assertThat(header(dead, MeshworkHeaders.PATH)).isEqualTo("$.totalAmount");
        assertThat(header(dead, MeshworkHeaders.SOURCE_TOPIC)).isEqualTo(OrdersProduct.ORDERS_PLACED);
    }

    @Test
    void anEventStampedHoursAheadOfTheClockIsDeadLetteredBecauseKafkaWouldRefuseIt() {
        Instant future = Instant.now().plus(Duration.ofHours(3));
        ObjectNode event = OrderTraffic.orderPlaced(random, CUSTOMER, future);

        driver.send(OrdersProduct.ORDERS_PLACED, CUSTOMER, event.toString(), future);

        assertThat(driver.output()).isEmpty();
        assertThat(header(driver.deadLetters().get(0), MeshworkHeaders.RULE)).isEqualTo("event-time");
    }

    @Test
    void eachContractRuleOfTheOrderIsEnforced() {
        assertViolates(e -> ((ObjectNode) e.get("payload")).put("currency", "chf"), "pattern", "$.currency");
        assertViolates(e -> ((ObjectNode) e.get("payload")).putArray("items"), "minItems", "$.items");
        assertViolates(e -> e.put("timestamp", "yesterday"), "format", "$.timestamp");
        assertViolates(e -> ((ObjectNode) e.get("payload")).remove("orderId"), "required", "$");
    }

    @Test
    void everySyntheticInvalidEventIsDeadLetteredAndEveryValidOnePublished() {
        OrderTraffic traffic = new OrderTraffic();
        for (int i = 0; i < 40; i++) {
            var record = traffic.next(random, PLACED, i % 4 == 0);
            driver.input(traffic.topic()).pipeInput(record.key(), record.value(), PLACED);
        }
        assertThat(driver.output()).hasSize(30);
        assertThat(driver.deadLetters()).hasSize(10);
        assertThat(driver.flow().in()).isEqualTo(40);
        assertThat(driver.flow().out()).isEqualTo(30);
        assertThat(driver.flow().deadLettered()).isEqualTo(10);
    }

    private void assertViolates(java.util.function.Consumer<ObjectNode> breakIt, String rule, String path) {
        ObjectNode event = OrderTraffic.orderPlaced(random, CUSTOMER, PLACED);
        breakIt.accept(event);
        driver.send(OrdersProduct.ORDERS_PLACED, CUSTOMER, event.toString(), PLACED);
        TestRecord<String, byte[]> dead = driver.deadLetters().get(0);
        assertThat(header(dead, MeshworkHeaders.RULE)).as("rule").isEqualTo(rule);
        assertThat(header(dead, MeshworkHeaders.PATH)).as("path").isEqualTo(path);
    }

    private static String header(TestRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
