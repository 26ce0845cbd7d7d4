package io.meshwork.products.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.meshwork.core.port.MeshworkHeaders;
import io.meshwork.core.runtime.ProductRuntime;
import io.meshwork.test.RunningProducts;
import io.meshwork.testkit.junit.KafkaClusterExtension;
import io.meshwork.testkit.kafka.KafkaTestClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

/**
 * Poison on a real broker under exactly_once_v2: every kind of bad input goes where docs/dead-letters.md says, with
 * the reason, the product never stops, and the counters add up. Each case is one record; its source offset finds it
 * on the output or the dead-letter topic.
 */
class OrdersPoisonIT {

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = KafkaClusterExtension.singleBroker();

    private static final String PUBLISHED = "published";
    private static final Instant NOW = Instant.now().minus(Duration.ofMinutes(10));

    @TempDir
    static Path stateDir;

    private static ProductRuntime orders;

    /** One poison record and where the written rule sends it: {@link #PUBLISHED} or a dead-letter kind. */
    record Case(String name, String key, byte[] value, String expected) {

        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    static void startProduct() {
        KAFKA.createTopic(OrdersProduct.ORDERS_PLACED, 2);
        orders = RunningProducts.startRunning(new OrdersProduct(), RunningProducts.exactlyOnce(KAFKA.bootstrapServers(), stateDir));
    }

    @AfterAll
    static void stopProduct() {
        if (orders != null) {
            orders.close();
        }
    }

    @Test
    void everyKindOfPoisonGoesWhereTheRuleSaysAndTheProductKeepsRunning() {
        Random random = new Random(11);
        List<Case> cases = List.of(
                new Case("random bytes", "c-1", randomBytes(random, 300), "deserialization"),
                new Case("truncated JSON", "c-2", utf8(valid(random, e -> { }).substring(0, 40)), "deserialization"),
                new Case("100,000 levels of nesting", "c-3", utf8("[".repeat(100_000) + "]".repeat(100_000)), "deserialization"),
                new Case("amount as a string", "c-4", utf8(valid(random, e -> payload(e).put("totalAmount", "12.50"))), "deserialization"),
                new Case("customer id as a number", "c-5", utf8(valid(random, e -> payload(e).put("customerId", 123))), "deserialization"),
                new Case("a JSON array", "c-6", utf8("[1,2,3]"), "deserialization"),
                new Case("two JSON values", "c-7", utf8(valid(random, e -> { }) + " {}"), "deserialization"),
                new Case("invalid UTF-8 in a string", "c-8", invalidUtf8(valid(random, e -> { })), "deserialization"),
                new Case("a tombstone", "c-9", null, "deserialization"),
                new Case("an empty value", "c-10", new byte[0], "deserialization"),
                new Case("1 MB of garbage", "c-11", randomBytes(random, 1_000_000), "deserialization"),
                new Case("garbage too large to dead-letter with its bytes", "c-12", randomBytes(random, 1_048_400), "deserialization"),
                new Case("event time ten years ahead", "c-13", utf8(valid(random,
                        e -> e.put("timestamp", NOW.plus(Duration.ofDays(3650)).toString()))), "contract"),
                new Case("negative amount", "c-14", utf8(valid(random, e -> payload(e).put("totalAmount", -5))), "contract"),
                new Case("a null key", null, utf8(valid(random, e -> { })), PUBLISHED),
                new Case("event time before 1970", "c-16", utf8(valid(random, e -> e.put("timestamp", "1960-01-01T00:00:00Z"))), PUBLISHED),
                new Case("a 1 MB value in a field nobody reads", "c-17", utf8(valid(random,
                        e -> e.put("notes", "x".repeat(1_000_000)))), PUBLISHED),
                new Case("a plain valid order after all that", "c-18", utf8(valid(random, e -> { })), PUBLISHED));

        KafkaTestClient client = KAFKA.client();
        Map<String, Case> byPosition = new LinkedHashMap<>();
        for (Case poison : cases) {
            RecordMetadata at = client.produce(OrdersProduct.ORDERS_PLACED, poison.key(), poison.value());
            byPosition.put(at.partition() + "@" + at.offset(), poison);
        }
        long deadCount = cases.stream().filter(c -> !c.expected().equals(PUBLISHED)).count();
        long publishedCount = cases.size() - deadCount;

        List<ConsumerRecord<String, byte[]>> dead = client.consumeUntil("commerce.orders.dlq", (int) deadCount, Duration.ofSeconds(90));
        List<ConsumerRecord<String, byte[]>> out = client.consumeUntil("commerce.orders", (int) publishedCount, Duration.ofSeconds(60));
        assertThat(client.consumeFor("commerce.orders.dlq", Duration.ofSeconds(2))).hasSize((int) deadCount);
        assertThat(client.consumeFor("commerce.orders", Duration.ofSeconds(1))).hasSize((int) publishedCount);

        Map<Case, String> landed = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : dead) {
            Case poison = byPosition.get(source(record));
            assertThat(poison).as("dead letter from %s", source(record)).isNotNull();
            landed.put(poison, header(record, MeshworkHeaders.KIND));
            assertThat(header(record, MeshworkHeaders.MESSAGE)).as(poison.name()).isNotBlank();
            assertThat(record.timestamp()).as(poison.name()).isLessThan(Instant.now().plus(Duration.ofHours(1)).toEpochMilli());
        }
        for (ConsumerRecord<String, byte[]> record : out) {
            landed.put(byPosition.get(source(record)), PUBLISHED);
        }
        assertThat(landed).isEqualTo(cases.stream().collect(Collectors.toMap(Function.identity(), Case::expected)));

        ConsumerRecord<String, byte[]> tooLarge = dead.stream().filter(r -> byPosition.get(source(r)).name().startsWith("garbage too large"))
                .findFirst().orElseThrow();
        assertThat(tooLarge.value()).isNull();
        assertThat(header(tooLarge, MeshworkHeaders.VALUE_OMITTED)).contains("too large");
        ConsumerRecord<String, byte[]> megabyte = dead.stream().filter(r -> byPosition.get(source(r)).name().equals("1 MB of garbage"))
                .findFirst().orElseThrow();
        assertThat(megabyte.value()).hasSize(1_000_000);
        ConsumerRecord<String, byte[]> stringAmount = dead.stream().filter(r -> byPosition.get(source(r)).name().equals("amount as a string"))
                .findFirst().orElseThrow();
        assertThat(header(stringAmount, MeshworkHeaders.PATH)).isEqualTo("$.payload.totalAmount");
        assertThat(header(stringAmount, MeshworkHeaders.MESSAGE)).contains("Cannot coerce String value (\"12.50\")");

        assertThat(orders.state()).isEqualTo(KafkaStreams.State.RUNNING);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(orders.flow().in()).isEqualTo(cases.size());
            assertThat(orders.flow().out()).isEqualTo(publishedCount);
            assertThat(orders.flow().deadLettered()).isEqualTo(deadCount);
        });
    }

    private static String source(ConsumerRecord<String, byte[]> record) {
        return header(record, MeshworkHeaders.SOURCE_PARTITION) + "@" + header(record, MeshworkHeaders.SOURCE_OFFSET);
    }

    private static String valid(Random random, Consumer<ObjectNode> edit) {
        ObjectNode event = OrderTraffic.orderPlaced(random, OrderTraffic.customerId(random.nextInt(50)), NOW);
        edit.accept(event);
        return event.toString();
    }

    private static ObjectNode payload(ObjectNode event) {
        return (ObjectNode) event.get("payload");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A valid event whose first string value has a byte sequence that is not UTF-8 in it. */
    private static byte[] invalidUtf8(String json) {
        byte[] bytes = utf8(json);
        int quote = json.indexOf(":\"") + 2;
        byte[] broken = Arrays.copyOf(bytes, bytes.length + 2);
        System.arraycopy(bytes, quote, broken, quote + 2, bytes.length - quote);
        broken[quote] = (byte) 0xC3;
        broken[quote + 1] = (byte) 0x28;
        return broken;
    }

    private static byte[] randomBytes(Random random, int size) {
        byte[] bytes = new byte[size];
        random.nextBytes(bytes);
        bytes[0] = (byte) 0xFF; // never accidentally JSON
        return bytes;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
