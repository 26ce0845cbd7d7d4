package io.meshwork.products.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.meshwork.core.contract.ContractLocator;
import io.meshwork.core.json.Json;
import io.meshwork.core.runtime.ProductConfig;
import io.meshwork.core.runtime.ProductRuntime;
import io.meshwork.core.security.DevelopmentToken;
import io.meshwork.core.security.DevelopmentTokens;
import io.meshwork.products.revenue.RealtimeRevenue;
import io.meshwork.testkit.junit.KafkaClusterExtension;
import io.meshwork.testkit.kafka.KafkaTestClient;
import java.math.BigDecimal;
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
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * orders -> realtime-revenue -> high-volume-alerts on a real, in-JVM Kafka broker: a scripted day of orders, with
 * late ones, gives exactly the revenue windows and the alerts worked out by hand below.
 *
 * <p>{@code commerce.orders} has one partition here, so the day is processed in the order it is written and "late"
 * means what the script says: stream time is the newest order time of a partition, and a replayed day spread over
 * several partitions would interleave arbitrarily (live traffic arrives in time order, replays do not).
 */
class RevenueAndAlertsIT {

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = KafkaClusterExtension.singleBroker();

    private static final long THRESHOLD = 5;
    /** Two days ago, midnight UTC: within the topics' 7-day retention, never ahead of the clock. */
    private static final Instant DAY = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(2));
    private static final List<String> REGIONS = List.of("zurich", "geneva", "basel");
    private static final String ALERTS = "analytics.high-volume-alerts";

    @TempDir
    static Path stateDir;

    private static DevelopmentToken token;
    private static ProductRuntime revenue;
    private static ProductRuntime alerts;
    private static int orders;

    @BeforeAll
    static void startTheMesh() {
        KAFKA.createTopic(RealtimeRevenue.ORDERS, 1);
        token = DevelopmentTokens.issue(List.of("analytics:read"), Duration.ofHours(1));
        ContractLocator contracts = ContractLocator.fromEnvironment();
        revenue = ProductRuntime.start(new RealtimeRevenue(), contracts.load("realtime-revenue"), config("revenue"));
        alerts = ProductRuntime.start(new HighVolumeAlerts(THRESHOLD), contracts.load("high-volume-alerts"), config("alerts"));
        await().atMost(Duration.ofSeconds(60)).until(() -> revenue.state() == KafkaStreams.State.RUNNING
                && alerts.state() == KafkaStreams.State.RUNNING);
    }

    private static ProductConfig config(String name) {
        return ProductConfig.of(KAFKA.bootstrapServers())
                .withHttpPort(0)
                .withStateDir(stateDir.resolve(name))
                .withJwtSecret(token.secret())
                .withKafka("processing.guarantee", "exactly_once_v2")
                .withKafka("commit.interval.ms", 100);
    }

    @AfterAll
    static void stopTheMesh() {
        for (ProductRuntime product : new ProductRuntime[] {alerts, revenue}) {
            if (product != null) {
                product.close();
            }
        }
    }

    @Test
    void aDayOfOrdersGivesTheRevenueWindowsAndExactlyTheAlertsWorkedOutByHand() throws Exception {
        List<PlannedOrder> day = new ArrayList<>();
        // The day: one 40.00 order per region at half past every hour: 72 orders, 1 per window, far below 5.
        for (int hour = 0; hour < 24; hour++) {
            for (String region : REGIONS) {
                day.add(new PlannedOrder(region, "40.00", at(hour, 30, 0)));
            }
        }
        // Zurich's lunch rush, all in minute 12:02: windows 11:58 ... 12:02 each get 6 orders > 5, one alert each.
        for (int i = 0; i < 6; i++) {
            day.add(new PlannedOrder("zurich", (10 * (i + 1)) + ".00", at(12, 2, 10 * i)));
        }
        // Geneva's evening rush: 5 orders, not more than 5: no alert.
        for (int i = 0; i < 5; i++) {
            day.add(new PlannedOrder("geneva", "15.00", at(18, 10, 10 * i)));
        }
        // The last order of the day: stream time becomes 23:59, windows ending at 23:49 or before are closed.
        day.add(new PlannedOrder("basel", "40.00", at(23, 59, 0)));
        day.sort(Comparator.comparing(PlannedOrder::at));
        // Then, late by 8.5 minutes, within the 10-minute grace: windows 23:46 ... 23:50 (ending 23:51 ... 23:55)
        // get 6 orders each.
        for (int i = 0; i < 6; i++) {
            day.add(new PlannedOrder("zurich", "25.00", at(23, 50, 30)));
        }
        // And late by 19 minutes: windows 23:36 ... 23:40 ended by 23:45, closed; dropped, 6 orders x 5 windows.
        for (int i = 0; i < 6; i++) {
            day.add(new PlannedOrder("geneva", "99.00", at(23, 40, 0)));
        }
        day.forEach(RevenueAndAlertsIT::place);

        KafkaTestClient client = KAFKA.client();
        int accepted = 72 + 6 + 5 + 1 + 6;
        int updates = accepted * 5;
        client.consumeUntil(HighVolumeAlerts.REVENUE, updates, Duration.ofSeconds(90));
        List<ConsumerRecord<String, byte[]>> raised = client.consumeUntil(ALERTS, 10, Duration.ofSeconds(60));
        assertThat(client.consumeFor(HighVolumeAlerts.REVENUE, Duration.ofSeconds(2))).as("one record per window update").hasSize(updates);
        assertThat(client.consumeFor(ALERTS, Duration.ofSeconds(1))).hasSize(10);

        assertThat(raised).extracting(r -> json(r).get("alertId").asString()).containsExactlyInAnyOrder(
                alertId("zurich", 11, 58), alertId("zurich", 11, 59), alertId("zurich", 12, 0), alertId("zurich", 12, 1),
                alertId("zurich", 12, 2), alertId("zurich", 23, 46), alertId("zurich", 23, 47), alertId("zurich", 23, 48),
                alertId("zurich", 23, 49), alertId("zurich", 23, 50));
        assertThat(raised).allSatisfy(alert -> {
            assertThat(alert.key()).isEqualTo("zurich");
            assertThat(json(alert).get("orderCount").asLong()).isEqualTo(6);
            assertThat(json(alert).get("threshold").asLong()).isEqualTo(THRESHOLD);
        });
        JsonNode lunch = raised.stream().map(RevenueAndAlertsIT::json)
                .filter(a -> a.get("alertId").asString().equals(alertId("zurich", 12, 0))).findFirst().orElseThrow();
        assertThat(lunch.get("totalRevenue").decimalValue()).isEqualByComparingTo("210.00");
        assertThat(lunch.get("windowEnd").asString()).isEqualTo(at(12, 5, 0).toString());

        // The query port serves Zurich's windows over lunch: the five rush windows, nothing else starts in 11:55-12:05.
        JsonNode windows = Json.mapper().readTree(get(revenue, "/stores/revenue-by-region/keys/zurich?from="
                + at(11, 55, 0) + "&to=" + at(12, 5, 0)));
        assertThat(windows.get("windows")).extracting(w -> w.get("start").asString()).containsExactly(
                at(11, 58, 0).toString(), at(11, 59, 0).toString(), at(12, 0, 0).toString(), at(12, 1, 0).toString(),
                at(12, 2, 0).toString());
        assertThat(windows.get("windows")).allSatisfy(w -> {
            assertThat(w.get("value").get("orderCount").asLong()).isEqualTo(6);
            assertThat(w.get("value").get("totalRevenue").decimalValue()).isEqualByComparingTo("210.00");
            assertThat(w.get("value").get("averageOrderValue").decimalValue()).isEqualByComparingTo("35.00");
        });
        // The late-within-grace orders counted: window 23:50 holds the six late ones only.
        JsonNode late = Json.mapper().readTree(get(revenue, "/stores/revenue-by-region/keys/zurich?from="
                + at(23, 50, 0) + "&to=" + at(23, 50, 0)));
        assertThat(late.get("windows").get(0).get("value").get("totalRevenue").decimalValue()).isEqualByComparingTo("150.00");

        // The too-late orders changed nothing and were counted as dropped, once per closed window.
        assertThat(client.consumeFor(HighVolumeAlerts.REVENUE, Duration.ofSeconds(1)))
                .noneMatch(r -> r.key().equals("geneva") && json(r).get("totalRevenue").decimalValue().compareTo(new BigDecimal("99")) >= 0);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String metrics = get(revenue, "/metrics");
            assertThat(sum(metrics, "dataproduct_records_in_total")).isEqualTo(accepted + 6);
            assertThat(sum(metrics, "dataproduct_records_out_total")).isEqualTo(updates);
            assertThat(sum(metrics, "dataproduct_records_dlq_total")).isZero();
        });
        // Kafka Streams' task metrics reach /metrics when Micrometer next looks for new ones: within a minute.
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() ->
                assertThat(sum(get(revenue, "/metrics"), "kafka_stream_task_dropped_records_total")).isEqualTo(30));
        String alertMetrics = get(alerts, "/metrics");
        assertThat(sum(alertMetrics, "dataproduct_records_in_total")).isEqualTo(updates);
        assertThat(sum(alertMetrics, "dataproduct_records_out_total")).isEqualTo(10);

        // The alerts product serves the windows it alerted on.
        JsonNode alerted = Json.mapper().readTree(get(alerts, "/stores/alerted-windows/keys/zurich?from=" + at(23, 0, 0)));
        assertThat(alerted.get("windows")).hasSize(5);
    }

    /** An order of the script. */
    private record PlannedOrder(String region, String amount, Instant at) {
    }

    private static void place(PlannedOrder planned) {
        String region = planned.region();
        String amount = planned.amount();
        Instant at = planned.at();
        String customerId = UUID.nameUUIDFromBytes(("customer-" + (orders % 500)).getBytes(StandardCharsets.UTF_8)).toString();
        ObjectNode order = Json.mapper().createObjectNode();
        order.put("orderId", "ord-" + orders++);
        order.put("customerId", customerId);
        order.put("eventId", UUID.randomUUID().toString());
        order.put("timestamp", at.toString());
        order.put("region", region);
        order.put("currency", "CHF");
        order.put("totalAmount", new BigDecimal(amount));
        order.putArray("items").addObject().put("productId", "prod-1").put("quantity", 1).put("price", new BigDecimal(amount));
        order.put("itemCount", 1);
        KAFKA.client().produce(RealtimeRevenue.ORDERS, customerId, order.toString());
    }

    private static Instant at(int hour, int minute, int second) {
        return DAY.plus(Duration.ofHours(hour).plusMinutes(minute).plusSeconds(second));
    }

    private static String alertId(String region, int hour, int minute) {
        return "high-volume/" + region + "/" + at(hour, minute, 0);
    }

    private static JsonNode json(ConsumerRecord<String, byte[]> record) {
        return Json.mapper().readTree(record.value());
    }

    private static String get(ProductRuntime product, String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + product.httpPort() + path))
                        .header("Authorization", "Bearer " + token.token()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
        return response.body();
    }

    private static double sum(String metrics, String name) {
        Matcher m = Pattern.compile("(?m)^" + name + "\\{[^}]*\\} (\\S+)$").matcher(metrics);
        double total = 0;
        boolean found = false;
        while (m.find()) {
            total += Double.parseDouble(m.group(1));
            found = true;
        }
        assertThat(found).as("%s on /metrics", name).isTrue();
        return total;
    }
}
