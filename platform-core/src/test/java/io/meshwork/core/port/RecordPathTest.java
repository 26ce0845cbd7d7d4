package io.meshwork.core.port;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshwork.core.contract.Contract;
import io.meshwork.core.contract.ContractLoader;
import io.meshwork.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** One record through the record path, valid and each way of being invalid, on Kafka's TopologyTestDriver. */
class RecordPathTest {

    static final String INPUT = "shop.clicks";
    static final Contract CONTRACT = ContractLoader.parse(Path.of("contracts/shop/visits.yaml"), """
            dataProduct: {name: visits, domain: shop, owner: shop-team, version: 2.1.0}
            ports:
              inputs:
                - topic: shop.clicks
              output:
                key: page
            schema:
              type: object
              required: [page, seconds]
              properties:
                page: {type: string}
                seconds: {type: integer, minimum: 0}
                at: {type: string, format: date-time}
            """);

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    @TempDir
    Path stateDir;

    private final CountingRecords counter = new CountingRecords();
    private TopologyTestDriver driver;

    @AfterEach
    void close() {
        if (driver != null) {
            driver.close();
        }
    }

    @Test
    void aValidRecordIsPublishedKeyedByTheKeyFieldWithProvenanceAndCounted() {
        TestInputTopic<String, byte[]> input = start(clicks -> clicks);
        input.pipeInput(new TestRecord<>("k-1", json("{\"page\":\"/home\",\"seconds\":3}"),
                new RecordHeaders().add(MeshworkHeaders.PLAIN_CORRELATION_ID, bytes("corr-9")), NOW));

        List<TestRecord<String, String>> out = output(CONTRACT.outputTopic());
        assertThat(out).hasSize(1);
        TestRecord<String, String> record = out.get(0);
        assertThat(record.key()).isEqualTo("/home");
        assertThat(Json.mapper().readTree(record.value())).isEqualTo(Json.mapper().readTree("{\"page\":\"/home\",\"seconds\":3}"));
        assertThat(header(record.headers(), MeshworkHeaders.PRODUCT)).isEqualTo("shop/visits");
        assertThat(header(record.headers(), MeshworkHeaders.CONTRACT_VERSION)).isEqualTo("2.1.0");
        assertThat(header(record.headers(), MeshworkHeaders.SOURCE_TOPIC)).isEqualTo(INPUT);
        assertThat(header(record.headers(), MeshworkHeaders.SOURCE_OFFSET)).isEqualTo("0");
        assertThat(header(record.headers(), MeshworkHeaders.CORRELATION_ID)).isEqualTo("corr-9");
        assertThat(header(record.headers(), MeshworkHeaders.KIND)).isNull();
        assertThat(output(CONTRACT.ports().deadLetter())).isEmpty();
        assertThat(counter.read).containsExactly(INPUT);
        assertThat(counter.published).containsExactly(NOW.toEpochMilli());
        assertThat(counter.deadLettered).isEmpty();
    }

    @Test
    void aRecordBreakingTheContractIsDeadLetteredWithEveryViolationAndItsSource() {
        TestInputTopic<String, byte[]> input = start(clicks -> clicks);
        input.pipeInput("k-1", json("{\"seconds\":-4}"), NOW);

        assertThat(output(CONTRACT.outputTopic())).isEmpty();
        List<TestRecord<String, String>> dead = output(CONTRACT.ports().deadLetter());
        assertThat(dead).hasSize(1);
        Headers headers = dead.get(0).headers();
        assertThat(dead.get(0).key()).isEqualTo("k-1");
        assertThat(header(headers, MeshworkHeaders.KIND)).isEqualTo("contract");
        assertThat(header(headers, MeshworkHeaders.PRODUCT)).isEqualTo("shop/visits");
        assertThat(header(headers, MeshworkHeaders.SOURCE_TOPIC)).isEqualTo(INPUT);
        assertThat(header(headers, MeshworkHeaders.SOURCE_PARTITION)).isEqualTo("0");
        JsonNode violations = Json.mapper().readTree(header(headers, MeshworkHeaders.VIOLATIONS));
        assertThat(violations.findValuesAsString("rule")).containsExactlyInAnyOrder("required", "minimum", "key");
        assertThat(violations.findValuesAsString("path")).contains("$.seconds", "$.page");
        assertThat(counter.read).containsExactly(INPUT);
        assertThat(counter.published).isEmpty();
        assertThat(counter.deadLetters(DeadLetterReason.CONTRACT)).isEqualTo(1);
    }

    @Test
    void anEventTimeFarAheadIsAViolationAndItsDeadLetterGetsATimestampTheBrokerAccepts() {
        TestInputTopic<String, byte[]> input = start(clicks -> clicks);
        Instant tenYearsAhead = NOW.plus(Duration.ofDays(3650));
        input.pipeInput("k-1", json("{\"page\":\"/home\",\"seconds\":1,\"at\":\"" + tenYearsAhead + "\"}"), NOW);

        List<TestRecord<String, String>> dead = output(CONTRACT.ports().deadLetter());
        assertThat(dead).hasSize(1);
        assertThat(header(dead.get(0).headers(), MeshworkHeaders.RULE)).isEqualTo("event-time");
        // Wall-clock time, not the event time: the broker would refuse a record ten years ahead and stop the product.
        assertThat(dead.get(0).getRecordTime()).isBefore(tenYearsAhead.minus(Duration.ofDays(3000)));
        assertThat(counter.deadLetters(DeadLetterReason.CONTRACT)).isEqualTo(1);
    }

    @Test
    void bytesThatAreNotTheInputTypeAreDeadLetteredAsTheyCameAndCountedAsRead() {
        TestInputTopic<String, byte[]> input = start(clicks -> clicks);
        byte[] garbage = {(byte) 0xC3, 0x28, '{'};
        input.pipeInput("k-1", garbage, NOW);

        List<TestRecord<String, byte[]>> dead = rawOutput(CONTRACT.ports().deadLetter());
        assertThat(dead).hasSize(1);
        assertThat(dead.get(0).value()).isEqualTo(garbage);
        assertThat(header(dead.get(0).headers(), MeshworkHeaders.KIND)).isEqualTo("deserialization");
        assertThat(header(dead.get(0).headers(), MeshworkHeaders.MESSAGE)).contains("not a JsonNode JSON object");
        assertThat(counter.read).containsExactly(INPUT);
        assertThat(counter.deadLetters(DeadLetterReason.DESERIALIZATION)).isEqualTo(1);
    }

    @Test
    void aRecordTheTopologyThrowsOnIsDeadLetteredAsItsSourceBytesAndTheNextOneStillFlows() {
        TestInputTopic<String, byte[]> input = start(clicks -> clicks.mapValues(click -> {
            if (click.path("page").asString().equals("/boom")) {
                throw new IllegalStateException("no such page");
            }
            return click;
        }));
        byte[] boom = json("{\"page\":\"/boom\",\"seconds\":1}");
        input.pipeInput("k-1", boom, NOW);
        input.pipeInput("k-2", json("{\"page\":\"/home\",\"seconds\":1}"), NOW);

        List<TestRecord<String, byte[]>> dead = rawOutput(CONTRACT.ports().deadLetter());
        assertThat(dead).hasSize(1);
        assertThat(dead.get(0).value()).isEqualTo(boom);
        assertThat(header(dead.get(0).headers(), MeshworkHeaders.KIND)).isEqualTo("processing");
        assertThat(header(dead.get(0).headers(), MeshworkHeaders.RULE)).isEqualTo("IllegalStateException");
        assertThat(header(dead.get(0).headers(), MeshworkHeaders.MESSAGE)).contains("no such page");
        assertThat(output(CONTRACT.outputTopic())).hasSize(1);
        assertThat(counter.read).hasSize(2);
        assertThat(counter.deadLetters(DeadLetterReason.PROCESSING)).isEqualTo(1);
    }

    @Test
    void recordsReadBackFromARepartitionTopicAreNotCountedAgain() {
        TestInputTopic<String, byte[]> input = start(clicks -> clicks.selectKey((key, click) -> click.path("page").asString())
                .repartition(Repartitioned.with(Serdes.String(), null)));
        input.pipeInput("k-1", json("{\"page\":\"/home\",\"seconds\":1}"), NOW);

        assertThat(output(CONTRACT.outputTopic())).hasSize(1);
        assertThat(counter.read).containsExactly(INPUT);
    }

    @Test
    void aRecordTooLargeForKafkaIsDeadLetteredWithoutItsValueInsteadOfFailingTheTransaction() {
        TestInputTopic<String, byte[]> input = start(clicks -> clicks, Map.of("max.request.size", "2000"));
        input.pipeInput("k-1", json("{\"page\":\"/" + "x".repeat(3000) + "\",\"seconds\":1}"), NOW);
        input.pipeInput("k-2", json("{\"page\":\"/home\",\"seconds\":1}"), NOW);

        assertThat(output(CONTRACT.outputTopic())).extracting(TestRecord::key).containsExactly("/home");
        List<TestRecord<String, byte[]>> dead = rawOutput(CONTRACT.ports().deadLetter());
        assertThat(dead).hasSize(1);
        assertThat(dead.get(0).value()).isNull();
        assertThat(header(dead.get(0).headers(), MeshworkHeaders.RULE)).isEqualTo("size");
        assertThat(header(dead.get(0).headers(), MeshworkHeaders.VALUE_OMITTED)).contains("too large");
        assertThat(header(dead.get(0).headers(), MeshworkHeaders.SOURCE_OFFSET)).isEqualTo("0");
        assertThat(counter.deadLetters(DeadLetterReason.CONTRACT)).isEqualTo(1);
        assertThat(counter.published).hasSize(1);
    }

    private TestInputTopic<String, byte[]> start(Function<KStream<String, JsonNode>, KStream<String, JsonNode>> domain) {
        return start(domain, Map.of());
    }

    private TestInputTopic<String, byte[]> start(Function<KStream<String, JsonNode>, KStream<String, JsonNode>> domain,
                                                 Map<String, Object> settings) {
        RecordPath path = new RecordPath(CONTRACT, counter, settings);
        StreamsBuilder builder = new StreamsBuilder();
        path.output(domain.apply(path.input(builder, INPUT, JsonNode.class,
                click -> click.hasNonNull("at") ? Instant.parse(click.get("at").asString()) : null)));
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "visits");
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "test:9092");
        properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        path.configure(properties);
        driver = new TopologyTestDriver(builder.build(properties), properties, NOW);
        return driver.createInputTopic(INPUT, new StringSerializer(), new ByteArraySerializer());
    }

    private List<TestRecord<String, String>> output(String topic) {
        return driver.createOutputTopic(topic, new StringDeserializer(), new StringDeserializer()).readRecordsToList();
    }

    private List<TestRecord<String, byte[]>> rawOutput(String topic) {
        return driver.createOutputTopic(topic, new StringDeserializer(), new ByteArrayDeserializer()).readRecordsToList();
    }

    static String header(Headers headers, String name) {
        var header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static byte[] json(String text) {
        return bytes(text);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
