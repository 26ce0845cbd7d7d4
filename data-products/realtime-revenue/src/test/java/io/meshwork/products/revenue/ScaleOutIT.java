package io.meshwork.products.revenue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.meshwork.core.json.Json;
import io.meshwork.core.security.DevelopmentToken;
import io.meshwork.core.security.DevelopmentTokens;
import io.meshwork.products.orders.OrderTraffic;
import io.meshwork.test.ProductProcess;
import io.meshwork.testkit.junit.KafkaClusterExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Scale-out as an operator runs it: three brokers; orders and two instances of realtime-revenue, each its own OS process
 * started from its runnable jar (contracts from inside the jars). Every region's windows are answered identically by
 * both instances (one of them forwards to the owner) and equal what the input says; after {@code kill -9} of one
 * instance the other owns every partition and answers every key within a bound; nothing is lost on the way.
 */
@Tag("fault")
class ScaleOutIT {

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = KafkaClusterExtension.brokers(3);

    private static final int ORDERS = 2_000;
    private static final Duration BOUND = Duration.ofSeconds(120);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void twoInstancesAnswerEveryWindowAlikeAndOneSurvivesTheOthersKill() throws Exception {
        Path ordersJar = Path.of("../orders/target/orders.jar");
        Path revenueJar = Path.of("target/realtime-revenue.jar");
        assertThat(ordersJar).as("built by the orders module's package").isRegularFile();
        assertThat(revenueJar).as("built by this module's package").isRegularFile();
        KAFKA.createTopics(new NewTopic("commerce.orders.placed", 6, (short) 3));
        DevelopmentToken token = DevelopmentTokens.issue(List.of("analytics:read", "commerce:read"), Duration.ofHours(1));

        Map<String, String> common = Map.of("KAFKA_BOOTSTRAP_SERVERS", KAFKA.bootstrapServers(),
                "KAFKA_PROCESSING_GUARANTEE", "exactly_once_v2", "KAFKA_COMMIT_INTERVAL_MS", "200",
                "KAFKA_SESSION_TIMEOUT_MS", "6000", "KAFKA_NUM_STANDBY_REPLICAS", "1",
                "MESHWORK_JWT_SECRET", token.secret());
        try (ProductProcess orders = ProductProcess.startJar(ordersJar, with(common, "orders"), dir.resolve("orders.log"));
             ProductProcess first = ProductProcess.startJar(revenueJar, with(common, "first"), dir.resolve("first.log"));
             ProductProcess second = ProductProcess.startJar(revenueJar, with(common, "second"), dir.resolve("second.log"))) {
            for (ProductProcess process : List.of(orders, first, second)) {
                process.awaitReady(BOUND);
            }
            Instant start = Instant.now().minus(Duration.ofMinutes(20)).truncatedTo(ChronoUnit.MINUTES);
            Map<String, Map<Instant, Long>> expected = feed(start);

            assertThat(KAFKA.client().consumeUntil("commerce.orders", ORDERS, BOUND)).as("every order published").hasSize(ORDERS);
            Instant from = start.minus(Duration.ofMinutes(5));
            Instant to = start.plus(Duration.ofMinutes(10));
            await().atMost(BOUND).untilAsserted(() -> {
                for (String region : expected.keySet()) {
                    Map<Instant, Long> fromFirst = windows(first, region, from, to, token);
                    assertThat(fromFirst).as("%s from the first instance", region).isEqualTo(expected.get(region));
                    assertThat(windows(second, region, from, to, token)).as("%s from the second", region).isEqualTo(fromFirst);
                }
            });

            long killed = System.nanoTime();
            first.kill();
            await().atMost(BOUND).untilAsserted(() -> {
                for (String region : expected.keySet()) {
                    assertThat(windows(second, region, from, to, token)).as("%s after the kill", region)
                            .isEqualTo(expected.get(region));
                }
            });
            System.out.printf("after kill -9 of one instance, the other answered every region in %d ms%n",
                    (System.nanoTime() - killed) / 1_000_000);
            assertThat(second.status("/ready")).isEqualTo(200);
        }
    }

    private Map<String, String> with(Map<String, String> common, String instance) throws Exception {
        int port = ProductProcess.freePort();
        Map<String, String> env = new HashMap<>(common);
        env.put("MESHWORK_HTTP_PORT", Integer.toString(port));
        env.put("MESHWORK_ADVERTISED_URL", "http://127.0.0.1:" + port);
        env.put("MESHWORK_STATE_DIR", Files.createDirectories(dir.resolve(instance)).toString());
        return env;
    }

    /** Sends the orders over ten minutes of event time; what each region's 5-minute windows, every minute, must count. */
    private static Map<String, Map<Instant, Long>> feed(Instant start) {
        Random random = new Random(5);
        Map<String, Map<Instant, Long>> expected = new TreeMap<>();
        for (int i = 0; i < ORDERS; i++) {
            Instant at = start.plusMillis(random.nextInt(600_000));
            String customer = OrderTraffic.customerId(random.nextInt(300));
            ObjectNode event = OrderTraffic.orderPlaced(random, customer, at);
            String region = event.path("payload").path("region").asString("unknown");
            Instant minute = at.truncatedTo(ChronoUnit.MINUTES);
            for (int back = 0; back < 5; back++) {
                expected.computeIfAbsent(region, r -> new TreeMap<>()).merge(minute.minus(Duration.ofMinutes(back)), 1L, Long::sum);
            }
            KAFKA.client().produce("commerce.orders.placed", customer, event.toString());
        }
        return expected;
    }

    private static Map<Instant, Long> windows(ProductProcess instance, String region, Instant from, Instant to,
                                              DevelopmentToken token) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + instance.httpPort()
                        + "/stores/revenue-by-region/keys/" + region + "?from=" + from + "&to=" + to))
                .header("Authorization", token.authorization()).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as("%s: %s", region, answer.body()).isEqualTo(200);
        Map<Instant, Long> counts = new TreeMap<>();
        for (JsonNode window : Json.mapper().readTree(answer.body()).path("windows")) {
            counts.put(Instant.parse(window.path("start").asString()), window.path("value").path("orderCount").asLong());
        }
        return counts;
    }
}
