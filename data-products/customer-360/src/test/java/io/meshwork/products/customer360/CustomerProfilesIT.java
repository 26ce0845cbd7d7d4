package io.meshwork.products.customer360;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.meshwork.core.json.Json;
import io.meshwork.core.runtime.ProductRuntime;
import io.meshwork.core.security.DevelopmentToken;
import io.meshwork.core.security.DevelopmentTokens;
import io.meshwork.test.RunningProducts;
import io.meshwork.testkit.junit.KafkaClusterExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * customer-360 on a real, in-JVM Kafka broker: orders and CRM events for five customers, on input topics
 * partitioned differently (3 and 2 partitions), give the profiles worked out by hand, served on the query port and
 * published last on the compacted output topic.
 *
 * <p>Events are written in event-time order, as they happen, except one order that arrives last, 400 days late.
 */
class CustomerProfilesIT {

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = KafkaClusterExtension.singleBroker();

    /** "Today" of the script: yesterday noon, so no event is ahead of the clock. */
    private static final Instant T = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofHours(12));
    private static final String ANNA = CrmTraffic.customerId(101);
    private static final String BEN = CrmTraffic.customerId(102);
    private static final String CARLA = CrmTraffic.customerId(103);
    private static final String DAVID = CrmTraffic.customerId(104);
    private static final String EMMA = CrmTraffic.customerId(105);

    @TempDir
    static Path stateDir;

    private static DevelopmentToken token;
    private static ProductRuntime customer360;

    @BeforeAll
    static void start() {
        // Years-old event times: keep the input records whatever their age.
        Map<String, String> keepForever = Map.of("retention.ms", "-1");
        KAFKA.createTopics(new NewTopic(Customer360.ORDERS, 3, (short) 1).configs(keepForever),
                new NewTopic(Customer360.CRM, 2, (short) 1).configs(keepForever));
        token = DevelopmentTokens.issue(List.of("marketing:read", "analytics:read"), Duration.ofHours(1));
        customer360 = RunningProducts.startRunning(new Customer360(),
                RunningProducts.exactlyOnce(KAFKA.bootstrapServers(), stateDir).withJwtSecret(token.secret()));
    }

    @AfterAll
    static void stop() {
        if (customer360 != null) {
            customer360.close();
        }
    }

    @Test
    void profilesServedOnTheQueryPortMatchTheHandComputedOnes() throws Exception {
        List<Event> script = new ArrayList<>();
        // Anna: 13 orders of 1000.00 every 20 days up to 10 days ago, a customer for years: premium.
        script.add(crm(ANNA, CrmEvent.CREATED, days(700), days(700), "de"));
        for (int i = 0; i < 13; i++) {
            script.add(order(ANNA, "1000.00", days(10 + 20 * i)));
        }
        // Ben: last order 220 days ago; the CRM hears from him 5 days ago: churning (215 days > 180).
        script.add(crm(BEN, CrmEvent.CREATED, days(1000), days(1000), "fr"));
        script.add(order(BEN, "50.00", days(400)));
        script.add(order(BEN, "50.00", days(220)));
        script.add(crm(BEN, CrmEvent.UPDATED, days(5), null, "it"));
        // Carla: created 60 days ago, one order 30 days ago: new.
        script.add(crm(CARLA, CrmEvent.CREATED, days(60), days(60), "en"));
        script.add(order(CARLA, "80.50", days(30)));
        // David: a customer for 500 days, ordering every month or two: standard.
        script.add(crm(DAVID, CrmEvent.CREATED, days(500), days(500), "de"));
        script.add(order(DAVID, "200.00", days(100)));
        script.add(order(DAVID, "200.00", days(50)));
        script.add(order(DAVID, "200.00", days(20)));
        // Emma: one order yesterday, never in the CRM: standard, no preferences, no createdAt.
        script.add(order(EMMA, "35.00", days(1)));
        script.sort(Comparator.comparing(Event::at));
        // Anna's order from 400 days ago arrives last: it adds to her lifetime value, not to her frequency.
        script.add(order(ANNA, "500.00", days(400)));
        script.forEach(e -> KAFKA.client().produce(e.topic(), e.key(), e.json()));

        Map<String, String> expected = Map.of(
                ANNA, """
                        {"customerId":"%s","segment":"premium","lifetimeValue":13500.00,"orderCount":14,"orderFrequency":13,
                         "lastOrderAt":"%s","lastActivity":"%s","createdAt":"%s",
                         "preferences":{"language":"de","channels":["email"]},"asOf":"%s"}"""
                        .formatted(ANNA, days(10), days(10), days(700), days(10)),
                BEN, """
                        {"customerId":"%s","segment":"churning","lifetimeValue":100.00,"orderCount":2,"orderFrequency":1,
                         "lastOrderAt":"%s","lastActivity":"%s","createdAt":"%s",
                         "preferences":{"language":"it","channels":["email"]},"asOf":"%s"}"""
                        .formatted(BEN, days(220), days(5), days(1000), days(5)),
                CARLA, """
                        {"customerId":"%s","segment":"new","lifetimeValue":80.50,"orderCount":1,"orderFrequency":1,
                         "lastOrderAt":"%s","lastActivity":"%s","createdAt":"%s",
                         "preferences":{"language":"en","channels":["email"]},"asOf":"%s"}"""
                        .formatted(CARLA, days(30), days(30), days(60), days(30)),
                DAVID, """
                        {"customerId":"%s","segment":"standard","lifetimeValue":600.00,"orderCount":3,"orderFrequency":3,
                         "lastOrderAt":"%s","lastActivity":"%s","createdAt":"%s",
                         "preferences":{"language":"de","channels":["email"]},"asOf":"%s"}"""
                        .formatted(DAVID, days(20), days(20), days(500), days(20)),
                EMMA, """
                        {"customerId":"%s","segment":"standard","lifetimeValue":35.00,"orderCount":1,"orderFrequency":1,
                         "lastOrderAt":"%s","lastActivity":"%s","asOf":"%s"}"""
                        .formatted(EMMA, days(1), days(1), days(1)));

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            for (var customer : expected.entrySet()) {
                assertThat(profile(customer.getKey())).as("profile of %s", customer.getKey())
                        .isEqualTo(Json.mapper().readTree(customer.getValue()));
            }
        });

        // The compacted output topic's latest record per customer is the served profile.
        Map<String, JsonNode> published = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : KAFKA.client().consumeFor("marketing.customer-360", Duration.ofSeconds(2))) {
            published.put(record.key(), Json.mapper().readTree(record.value()));
        }
        for (String customer : expected.keySet()) {
            assertThat(published.get(customer)).as("last published profile of %s", customer).isEqualTo(profile(customer));
        }
        assertThat(KAFKA.client().consumeFor("marketing.customer-360.dlq", Duration.ofSeconds(1))).isEmpty();
    }

    /** An input record. */
    private record Event(String topic, String key, String json, Instant at) {
    }

    private static Event order(String customerId, String amount, Instant at) {
        return new Event(Customer360.ORDERS, customerId, CustomerEvents.order(customerId, amount, at).toString(), at);
    }

    private static Event crm(String customerId, String type, Instant at, Instant createdAt, String language) {
        ObjectNode event = CustomerEvents.crm(customerId, type, at, language, "email");
        if (createdAt != null) {
            event.put("createdAt", createdAt.toString());
        }
        return new Event(Customer360.CRM, customerId, event.toString(), at);
    }

    private static Instant days(int ago) {
        return T.minus(Duration.ofDays(ago));
    }

    private static JsonNode profile(String customerId) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + customer360.httpPort() + "/stores/"
                        + Customer360.PROFILES + "/keys/" + customerId))
                        .header("Authorization", "Bearer " + token.token()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET profile: %s", response.body()).isEqualTo(200);
        return Json.mapper().readTree(response.body()).get("value");
    }
}
