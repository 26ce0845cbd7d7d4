package io.meshwork.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.meshwork.core.contract.Contract;
import io.meshwork.core.contract.ContractLoader;
import io.meshwork.core.json.Json;
import io.meshwork.core.lineage.LineageConfig;
import io.meshwork.core.port.MeshworkHeaders;
import io.meshwork.core.runtime.ProductConfig;
import io.meshwork.core.runtime.ProductRuntime;
import io.meshwork.testkit.junit.KafkaClusterExtension;
import io.meshwork.testkit.kafka.KafkaTestClient;
import io.openlineage.client.OpenLineage;
import io.openlineage.client.OpenLineageClientUtils;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The observability layer of one running product on a real broker, phase by phase: what it says before any
 * record, freshness and latency from known event times, an input backlog as lag, 10% invalid records as a 0.9
 * quality score and a breached SLA, a real Prometheus scraping it, and the OpenLineage run on the Kafka transport.
 * Every phase sends 10% invalid records, so the quality score is 0.9 whichever phases ran.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProductObservabilityIT {

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = KafkaClusterExtension.singleBroker();

    private static final String OUTPUT = "testing.readings";
    private static final String LINEAGE_TOPIC = "testing.lineage";
    private static final String RAW = ReadingsProduct.RAW;
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    static Path stateDir;

    private static final ReadingsProduct PRODUCT = new ReadingsProduct();
    private static ProductRuntime readings;
    private static KafkaProducer<String, byte[]> producer;
    /** Event time of the newest valid reading sent so far. */
    private static Instant newestEventTime;

    @BeforeAll
    static void startProduct() throws Exception {
        KAFKA.createTopic(RAW, 2);
        Contract contract = ContractLoader.load(Path.of(Objects.requireNonNull(
                ProductObservabilityIT.class.getResource("/contracts/testing/readings.yaml")).toURI()));
        ProductConfig config = ProductConfig.of(KAFKA.bootstrapServers())
                .withHttpPort(0)
                .withStateDir(stateDir)
                .withKafka("processing.guarantee", "exactly_once_v2")
                .withKafka("commit.interval.ms", 100)
                .withLagInterval(Duration.ofMillis(500))
                .withLineage(LineageConfig.kafka(LINEAGE_TOPIC).withInterval(Duration.ofSeconds(1)));
        readings = ProductRuntime.start(PRODUCT, contract, config);
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
        await().atMost(WAIT).until(() -> readings.state() == KafkaStreams.State.RUNNING);
    }

    @AfterAll
    static void stopProduct() {
        PRODUCT.release();
        if (readings != null) {
            readings.close();
        }
        if (producer != null) {
            producer.close();
        }
    }

    @Test
    @Order(1)
    void beforeAnyRecordTheProductDescribesItselfAndItsSlaIsUnknown() throws Exception {
        MetricsText metrics = metrics();
        assertThat(metrics.value("dataproduct_info", "owner=\"platform-team\"", "classification=\"internal\"",
                "output_topic=\"testing.readings\"", "product=\"readings\"", "domain=\"testing\"", "version=\"1.2.0\""))
                .isEqualTo(1);
        assertThat(metrics.value("dataproduct_sla_target", "sla=\"freshness_seconds\"")).isEqualTo(600);
        assertThat(metrics.value("dataproduct_sla_target", "sla=\"availability\"")).isEqualTo(0.995);
        assertThat(metrics.value("dataproduct_sla_target", "sla=\"quality_score\"")).isEqualTo(0.95);
        assertThat(metrics.value("dataproduct_lineage_edge", "source=\"testing.raw-readings\"",
                "target=\"testing.readings\"")).isEqualTo(1);
        assertThat(metrics.value("dataproduct_up")).isEqualTo(1);
        assertThat(metrics.value("dataproduct_freshness_seconds")).isNaN();
        assertThat(metrics.value("dataproduct_quality_score")).isNaN();
        assertThat(metrics.hasPrefix("kafka_stream_")).as("Kafka Streams' own metrics").isTrue();
        assertThat(metrics.hasPrefix("kafka_consumer_")).as("its clients' metrics").isTrue();
        assertThat(metrics.hasPrefix("jvm_memory_used_bytes")).as("JVM metrics").isTrue();

        JsonNode product = json(get("/product").body());
        assertThat(product.path("product").asString()).isEqualTo("testing/readings");
        assertThat(product.path("state").asString()).isEqualTo("RUNNING");
        assertThat(product.path("ports").path("inputs").get(0).path("product").asString()).isEqualTo("testing/sensors");
        assertThat(product.path("ports").path("output").path("topic").asString()).isEqualTo(OUTPUT);
        assertThat(product.path("contract").path("sla").path("freshness").asString()).isEqualTo("PT10M");
        assertThat(product.path("sla").path("status").asString()).isEqualTo("unknown");
        assertThat(objective(product, "freshness_seconds").path("status").asString()).isEqualTo("unknown");
        assertThat(objective(product, "freshness_seconds").path("measured").isNull()).isTrue();

        JsonNode lineage = json(get("/lineage").body());
        assertThat(lineage.path("namespace").asString()).isEqualTo(kafkaNamespace());
        assertThat(lineage.path("edges").toString())
                .isEqualTo("[{\"source\":\"testing.raw-readings\",\"target\":\"testing.readings\"}]");

        JsonNode topology = json(get("/topology").body());
        assertThat(topology.path("subtopologies").get(0).path("nodes").toString())
                .contains("\"type\":\"source\"", "\"topics\":[\"testing.raw-readings\"]", "\"topic\":\"testing.readings\"");
        HttpResponse<String> mermaid = get("/topology.mmd");
        assertThat(mermaid.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        assertThat(mermaid.body()).startsWith("flowchart LR\n").contains("([\"testing.raw-readings\"])");
        assertThat(get("/topology?format=mermaid").body()).isEqualTo(mermaid.body());
        HttpResponse<String> badFormat = get("/topology?format=xml");
        assertThat(badFormat.statusCode()).isEqualTo(400);
        assertThat(json(badFormat.body()).path("detail").asString()).contains("json or mermaid");
    }

    @Test
    @Order(2)
    void freshnessAndLatencyFollowKnownEventTimesAndRecordsCarryProvenance() throws Exception {
        Instant sent = now();
        List<RecordMetadata> positions = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            Instant at = sent.minusSeconds(120 + 20L * i);
            Header[] headers = switch (i) {
                case 0 -> new Header[] {header(MeshworkHeaders.PLAIN_CORRELATION_ID, "corr-plain")};
                case 1 -> new Header[] {header(MeshworkHeaders.CORRELATION_ID, "corr-mesh"),
                    header(MeshworkHeaders.PLAIN_CORRELATION_ID, "other")};
                default -> new Header[0];
            };
            positions.add(send("s-" + i, 1.5 + i, at, headers));
        }
        // Dead-lettered, so its newer event time must not count as fresh output.
        send("s-bad", -1.0, sent.minusSeconds(10));
        newestEventTime = sent.minusSeconds(120);

        List<ConsumerRecord<String, byte[]>> out = KAFKA.client().consumeUntil(OUTPUT, 9, WAIT);
        for (int i = 0; i < 9; i++) {
            ConsumerRecord<String, byte[]> record = byKey(out, "s-" + i);
            assertThat(record.timestamp()).as("event time kept").isEqualTo(sent.minusSeconds(120 + 20L * i).toEpochMilli());
            assertThat(header(record, MeshworkHeaders.PRODUCT)).isEqualTo("testing/readings");
            assertThat(header(record, MeshworkHeaders.CONTRACT_VERSION)).isEqualTo("1.2.0");
            assertThat(header(record, MeshworkHeaders.SOURCE_TOPIC)).isEqualTo(RAW);
            assertThat(header(record, MeshworkHeaders.SOURCE_PARTITION)).isEqualTo(Integer.toString(positions.get(i).partition()));
            assertThat(header(record, MeshworkHeaders.SOURCE_OFFSET)).isEqualTo(Long.toString(positions.get(i).offset()));
        }
        assertThat(header(byKey(out, "s-0"), MeshworkHeaders.CORRELATION_ID)).isEqualTo("corr-plain");
        assertThat(header(byKey(out, "s-1"), MeshworkHeaders.CORRELATION_ID)).isEqualTo("corr-mesh");
        assertThat(byKey(out, "s-2").headers().lastHeader(MeshworkHeaders.CORRELATION_ID)).isNull();

        await().atMost(WAIT).untilAsserted(() -> {
            MetricsText metrics = metrics();
            assertThat(metrics.value("dataproduct_records_out_total")).isEqualTo(9);
            assertThat(metrics.value("dataproduct_freshness_seconds"))
                    .isBetween(120.0, secondsSince(newestEventTime));
            assertThat(metrics.value("dataproduct_end_to_end_latency_seconds_count")).isEqualTo(9);
            assertThat(metrics.value("dataproduct_end_to_end_latency_seconds_bucket", "le=\"60.0\"")).isEqualTo(0);
            assertThat(metrics.value("dataproduct_end_to_end_latency_seconds_bucket", "le=\"600.0\"")).isEqualTo(9);
            // Each latency is at least the reading's age when sent (120 + 20 i seconds) and at most its age now.
            double ageSum = 0;
            for (int i = 0; i < 9; i++) {
                ageSum += secondsSince(sent.minusSeconds(120 + 20L * i));
            }
            assertThat(metrics.value("dataproduct_end_to_end_latency_seconds_sum")).isBetween(9 * 120.0 + 20 * 36, ageSum);
        });
    }

    @Test
    @Order(3)
    void anInputBacklogShowsAsLagInRecordsAndSeconds() throws Exception {
        Instant at = now().minusSeconds(90);
        PRODUCT.hold();
        for (int i = 0; i < 18; i++) {
            send("lag-" + i, 2.0, at);
        }
        send("lag-bad", -2.0, at);
        sendRaw("lag-unreadable", "{not json".getBytes(StandardCharsets.UTF_8), at);
        try {
            await().atMost(WAIT).untilAsserted(() -> {
                MetricsText metrics = metrics();
                assertThat(metrics.value("dataproduct_input_lag_records", "topic=\"testing.raw-readings\"")).isEqualTo(20);
                assertThat(metrics.value("dataproduct_input_lag_seconds", "topic=\"testing.raw-readings\""))
                        .isBetween(90.0, secondsSince(at));
            });
        } finally {
            PRODUCT.release();
        }
        newestEventTime = at;
        await().atMost(WAIT).untilAsserted(() -> {
            MetricsText metrics = metrics();
            assertThat(metrics.value("dataproduct_input_lag_records", "topic=\"testing.raw-readings\"")).isZero();
            assertThat(metrics.value("dataproduct_input_lag_seconds", "topic=\"testing.raw-readings\"")).isZero();
            assertThat(metrics.value("dataproduct_records_out_total")).isEqualTo(27);
        });
    }

    @Test
    @Order(4)
    void tenPercentInvalidRecordsDriveTheQualityScoreToPointNineAndBreachTheSla() throws Exception {
        Instant at = now().minusSeconds(30);
        for (int i = 0; i < 90; i++) {
            send("q-" + i, i % 10 == 0 ? -3.0 : 3.0, at);
        }
        newestEventTime = at;
        await().atMost(WAIT).untilAsserted(() -> {
            MetricsText metrics = metrics();
            assertThat(metrics.value("dataproduct_records_out_total")).isEqualTo(108);
            assertThat(metrics.value("dataproduct_records_dlq_total", "reason=\"contract\"")).isEqualTo(11);
            assertThat(metrics.value("dataproduct_records_dlq_total", "reason=\"deserialization\"")).isEqualTo(1);
            assertThat(metrics.value("dataproduct_quality_score")).isEqualTo(0.9);
        });

        JsonNode product = json(get("/product").body());
        assertThat(product.path("sla").path("status").asString()).isEqualTo("breached");
        JsonNode quality = objective(product, "quality_score");
        assertThat(quality.path("status").asString()).isEqualTo("breached");
        assertThat(quality.path("target").asDouble()).isEqualTo(0.95);
        assertThat(quality.path("measured").asDouble()).isEqualTo(0.9);
        assertThat(quality.path("window").asString()).isEqualTo("PT5M");
        JsonNode freshness = objective(product, "freshness_seconds");
        assertThat(freshness.path("status").asString()).isEqualTo("met");
        assertThat(freshness.path("measured").asDouble()).isBetween(30.0, secondsSince(at));
        assertThat(objective(product, "availability").path("status").asString()).isEqualTo("met");
    }

    @Test
    @Order(5)
    void aRealPrometheusScrapesFreshnessAndQuality(@TempDir Path prometheusDir) throws Exception {
        try (PrometheusServer prometheus = PrometheusServer.scraping("127.0.0.1:" + readings.httpPort(), prometheusDir)) {
            await().atMost(WAIT).untilAsserted(() ->
                    assertThat(prometheus.value("dataproduct_quality_score{product=\"readings\",domain=\"testing\"}"))
                            .isEqualTo(0.9));
            assertThat(prometheus.value("dataproduct_freshness_seconds{product=\"readings\"}"))
                    .isBetween(30.0, secondsSince(newestEventTime));
            // The SLA queries of docs/metrics.md: quality is below its target, freshness within its own.
            assertThat(prometheus.value("dataproduct_quality_score < ignoring(sla) dataproduct_sla_target{sla=\"quality_score\"}"))
                    .isEqualTo(0.9);
            assertThat(prometheus.query("dataproduct_freshness_seconds > ignoring(sla) dataproduct_sla_target{sla=\"freshness_seconds\"}"))
                    .isEmpty();
        }
    }

    @Test
    @Order(6)
    void openLineageRunEventsOnKafkaDescribeTheJobItsDatasetsAndItsProgress() {
        await().atMost(WAIT).untilAsserted(() -> assertThat(lineageEvents()).anySatisfy(event -> {
            assertThat(event.getEventType()).isEqualTo(OpenLineage.RunEvent.EventType.RUNNING);
            assertThat(event.getOutputs().get(0).getOutputFacets().getOutputStatistics().getRowCount()).isEqualTo(108);
        }));
        List<OpenLineage.RunEvent> events = lineageEvents();
        OpenLineage.RunEvent start = events.get(0);
        assertThat(start.getEventType()).isEqualTo(OpenLineage.RunEvent.EventType.START);
        assertThat(events).allSatisfy(event -> {
            assertThat(event.getRun().getRunId()).isEqualTo(start.getRun().getRunId());
            assertThat(event.getProducer()).isEqualTo(URI.create("urn:meshwork:platform-core"));
            assertThat(event.getSchemaURL()).isNotNull();
            assertThat(event.getEventTime()).isNotNull();
            assertThat(event.getJob().getNamespace()).isEqualTo("meshwork");
            assertThat(event.getJob().getName()).isEqualTo("testing/readings");
            assertThat(event.getJob().getFacets().getJobType().getProcessingType()).isEqualTo("STREAMING");
            assertThat(event.getInputs()).singleElement().satisfies(input -> {
                assertThat(input.getNamespace()).isEqualTo(kafkaNamespace());
                assertThat(input.getName()).isEqualTo(RAW);
                assertThat(fieldNames(input.getFacets().getSchema())).containsExactly("sensorId", "value", "at");
            });
            assertThat(event.getOutputs()).singleElement().satisfies(output -> {
                assertThat(output.getNamespace()).isEqualTo(kafkaNamespace());
                assertThat(output.getName()).isEqualTo(OUTPUT);
                assertThat(output.getFacets().getSchema().getFields()).extracting(
                                OpenLineage.SchemaDatasetFacetFields::getName, OpenLineage.SchemaDatasetFacetFields::getType)
                        .containsExactly(tuple("sensorId", "string"),
                                tuple("value", "number"),
                                tuple("at", "string(date-time)"));
            });
        });
        OpenLineage.RunEvent running = events.stream()
                .filter(e -> e.getEventType() == OpenLineage.RunEvent.EventType.RUNNING)
                .filter(e -> e.getOutputs().get(0).getOutputFacets().getOutputStatistics().getRowCount() == 108)
                .findFirst().orElseThrow();
        assertThat(running.getInputs().get(0).getInputFacets().getInputStatistics().getRowCount()).isEqualTo(120);
        JsonNode runFacets = json(OpenLineageClientUtils.toJson(running.getRun().getFacets()));
        assertThat(runFacets.path("meshwork_flow").path("recordsDeadLettered").asLong()).isEqualTo(12);
        assertThat(runFacets.path("meshwork_sla").path("quality").path("score").asDouble()).isEqualTo(0.9, within(1e-9));
        assertThat(runFacets.path("meshwork_sla").path("objectives").toString())
                .contains("\"sla\":\"quality_score\"", "\"status\":\"breached\"");
        assertThat(runFacets.path("processing_engine").path("name").asString()).isEqualTo("kafka-streams");
    }

    @Test
    @Order(7)
    void stoppingTheProductCompletesTheRun() {
        readings.close();
        await().atMost(WAIT).untilAsserted(() -> assertThat(lineageEvents()).last().satisfies(event -> {
            assertThat(event.getEventType()).isEqualTo(OpenLineage.RunEvent.EventType.COMPLETE);
            assertThat(event.getOutputs().get(0).getOutputFacets().getOutputStatistics().getRowCount()).isEqualTo(108);
        }));
    }

    private static List<OpenLineage.RunEvent> lineageEvents() {
        return KAFKA.client().consumeFor(LINEAGE_TOPIC, Duration.ofSeconds(1)).stream()
                .map(record -> OpenLineageClientUtils.runEventFromJson(KafkaTestClient.valueAsString(record)))
                .toList();
    }

    private static List<String> fieldNames(OpenLineage.SchemaDatasetFacet schema) {
        return schema.getFields().stream().map(OpenLineage.SchemaDatasetFacetFields::getName).toList();
    }

    private static RecordMetadata send(String sensor, double value, Instant at, Header... headers) throws Exception {
        String reading = Json.mapper().writeValueAsString(Map.of("sensorId", sensor, "value", value, "at", at.toString()));
        return sendRaw(sensor, reading.getBytes(StandardCharsets.UTF_8), at, headers);
    }

    /** Sends with the Kafka timestamp set to the event time, as a producer stamping its events would. */
    private static RecordMetadata sendRaw(String key, byte[] value, Instant at, Header... headers) throws Exception {
        return producer.send(new ProducerRecord<>(RAW, null, at.toEpochMilli(), key, value, List.of(headers))).get();
    }

    private static Header header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static ConsumerRecord<String, byte[]> byKey(List<ConsumerRecord<String, byte[]>> records, String key) {
        return records.stream().filter(r -> key.equals(r.key())).findFirst()
                .orElseThrow(() -> new AssertionError("no output record keyed " + key));
    }

    private static JsonNode objective(JsonNode product, String sla) {
        for (JsonNode objective : product.path("sla").path("objectives")) {
            if (objective.path("sla").asString().equals(sla)) {
                return objective;
            }
        }
        throw new AssertionError("no " + sla + " objective in " + product);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    private static double secondsSince(Instant instant) {
        return (System.currentTimeMillis() - instant.toEpochMilli()) / 1000.0;
    }

    private static String kafkaNamespace() {
        return "kafka://" + KAFKA.bootstrapServers().split(",")[0];
    }

    private static MetricsText metrics() throws Exception {
        return new MetricsText(get("/metrics").body());
    }

    private static JsonNode json(String body) {
        return Json.mapper().readTree(body);
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + readings.httpPort() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
