package io.meshwork.products.customer360;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshwork.core.json.Json;
import io.meshwork.core.port.MeshworkHeaders;
import io.meshwork.core.traffic.SyntheticRecord;
import io.meshwork.test.ProductTestDriver;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class Customer360TopologyTest {

    private static final Instant T0 = Instant.parse("2025-06-01T09:00:00Z");
    private static final String ANNA = CrmTraffic.customerId(1);
    private static final String BEN = CrmTraffic.customerId(2);

    private final ProductTestDriver driver = ProductTestDriver.of(new Customer360());
    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void ordersMakeLifetimeValueCountFrequencyAndLastActivity() {
        order(ANNA, "100.50", T0);
        order(ANNA, "20", T0.plus(days(3)));

        List<TestRecord<String, JsonNode>> out = driver.output();
        assertThat(out).hasSize(2).extracting(TestRecord::key).containsOnly(ANNA);
        JsonNode profile = out.get(1).value();
        assertThat(profile.get("customerId").asString()).isEqualTo(ANNA);
        assertThat(profile.get("lifetimeValue").decimalValue()).isEqualByComparingTo("120.50");
        assertThat(profile.get("orderCount").asInt()).isEqualTo(2);
        assertThat(profile.get("orderFrequency").asInt()).isEqualTo(2);
        assertThat(profile.get("lastOrderAt").asString()).isEqualTo(T0.plus(days(3)).toString());
        assertThat(profile.get("lastActivity").asString()).isEqualTo(T0.plus(days(3)).toString());
        assertThat(profile.get("asOf").asString()).isEqualTo(T0.plus(days(3)).toString());
        assertThat(profile.get("segment").asString()).isEqualTo("standard");
        assertThat(profile.has("createdAt")).isFalse();
        assertThat(profile.has("preferences")).isFalse();
        assertThat(driver.deadLetters()).isEmpty();
    }

    @Test
    void theCrmGivesCreatedAtAndPreferencesAndARecentCustomerIsNew() {
        crm(ANNA, CrmEvent.CREATED, T0, e -> e.put("createdAt", T0.minus(days(30)).toString()));

        JsonNode profile = latest(ANNA);
        assertThat(profile.get("createdAt").asString()).isEqualTo(T0.minus(days(30)).toString());
        assertThat(profile.get("preferences").get("language").asString()).isEqualTo("de");
        assertThat(profile.get("preferences").get("channels")).extracting(JsonNode::asString).containsExactly("email", "sms");
        assertThat(profile.get("segment").asString()).isEqualTo("new");
        assertThat(profile.get("lifetimeValue").decimalValue()).isEqualByComparingTo("0");
        assertThat(profile.get("orderCount").asInt()).isZero();
        assertThat(profile.get("lastActivity").asString()).isEqualTo(T0.toString());
        assertThat(profile.has("name")).as("CRM personal data is not published").isFalse();
        assertThat(profile.has("email")).isFalse();
    }

    @Test
    void anUpdateReplacesPreferencesAndKeepsCreatedAt() {
        crm(ANNA, CrmEvent.CREATED, T0, e -> e.remove("createdAt"));
        crm(ANNA, CrmEvent.UPDATED, T0.plus(days(1)), e -> ((ObjectNode) e.get("preferences")).put("language", "fr").putArray("channels").add("post"));

        JsonNode profile = latest(ANNA);
        assertThat(profile.get("createdAt").asString()).as("a created event without createdAt: its own time").isEqualTo(T0.toString());
        assertThat(profile.get("preferences").get("language").asString()).isEqualTo("fr");
        assertThat(profile.get("preferences").get("channels")).extracting(JsonNode::asString).containsExactly("post");
    }

    @Test
    void theThirteenthOrderOfTheYearOverTenThousandMakesPremium() {
        crm(ANNA, CrmEvent.CREATED, T0, e -> e.put("createdAt", T0.minus(days(800)).toString()));
        for (int i = 1; i <= 12; i++) {
            order(ANNA, "1000", T0.plus(days(i * 20)));
        }
        assertThat(latest(ANNA).get("segment").asString()).as("12 orders, 12000 CHF").isEqualTo("standard");

        order(ANNA, "0.01", T0.plus(days(250)));

        JsonNode profile = latest(ANNA);
        assertThat(profile.get("orderFrequency").asInt()).isEqualTo(13);
        assertThat(profile.get("segment").asString()).isEqualTo("premium");
    }

    @Test
    void ordersOlderThanAYearCountInLifetimeValueButNotInFrequency() {
        order(ANNA, "10", T0);
        order(ANNA, "20", T0.plus(days(365)));
        JsonNode atYear = latest(ANNA);
        assertThat(atYear.get("orderFrequency").asInt()).as("the first order is exactly 365 days old").isEqualTo(1);
        assertThat(atYear.get("orderCount").asInt()).isEqualTo(2);
        assertThat(atYear.get("lifetimeValue").decimalValue()).isEqualByComparingTo("30");
    }

    @Test
    void aLateOrderCountsButMovesNeitherLastOrderNorNowBack() {
        order(ANNA, "10", T0);
        order(ANNA, "5", T0.minus(days(10)));

        JsonNode profile = latest(ANNA);
        assertThat(profile.get("lifetimeValue").decimalValue()).isEqualByComparingTo("15");
        assertThat(profile.get("orderFrequency").asInt()).isEqualTo(2);
        assertThat(profile.get("lastOrderAt").asString()).isEqualTo(T0.toString());
        assertThat(profile.get("asOf").asString()).isEqualTo(T0.toString());
    }

    @Test
    void aCustomerHeardOfAfter180DaysWithoutOrdersIsChurningUntilTheNextOrder() {
        order(ANNA, "10", T0);
        crm(ANNA, CrmEvent.UPDATED, T0.plus(days(180)), e -> { });
        assertThat(latest(ANNA).get("segment").asString()).isEqualTo("standard");

        crm(ANNA, CrmEvent.UPDATED, T0.plus(days(180)).plusSeconds(1), e -> { });
        assertThat(latest(ANNA).get("segment").asString()).isEqualTo("churning");

        order(ANNA, "10", T0.plus(days(200)));
        assertThat(latest(ANNA).get("segment").asString()).isEqualTo("standard");
    }

    @Test
    void theDailyReevaluationFindsACustomerWhoStoppedOrdering() {
        order(ANNA, "10", T0);
        order(BEN, "10", T0.plus(days(100)));
        driver.output();

        // Ben's order moves stream time 181 days past Anna's last order
        order(BEN, "10", T0.plus(days(181)));

        List<TestRecord<String, JsonNode>> out = driver.output();
        JsonNode anna = out.stream().filter(r -> r.key().equals(ANNA)).reduce((a, b) -> b).orElseThrow().value();
        assertThat(anna.get("segment").asString()).isEqualTo("churning");
        assertThat(anna.get("asOf").asString()).isEqualTo(T0.plus(days(181)).toString());
        assertThat(anna.get("lastActivity").asString()).isEqualTo(T0.toString());
        assertThat(anna.get("orderFrequency").asInt()).isEqualTo(1);
        assertThat(storedProfile(ANNA).segment()).isEqualTo(Segment.CHURNING);
    }

    @Test
    void theDailyReevaluationEndsNewness() {
        crm(ANNA, CrmEvent.CREATED, T0, e -> e.put("createdAt", T0.toString()));
        assertThat(latest(ANNA).get("segment").asString()).isEqualTo("new");

        order(BEN, "10", Instant.parse("2025-12-02T09:00:00Z"));

        assertThat(latest(ANNA).get("segment").asString()).isEqualTo("standard");
    }

    @Test
    void theDailyReevaluationPublishesOnlyProfilesWhoseSegmentChanged() {
        order(ANNA, "10", T0);
        order(BEN, "10", T0.plus(days(1)));
        driver.output();

        order(BEN, "10", T0.plus(days(3)));

        assertThat(driver.output()).extracting(TestRecord::key).containsExactly(BEN);
    }

    @Test
    void theProfileDoesNotDependOnTheOrderEventsArriveIn() {
        List<Event> events = new ArrayList<>(List.of(
                crmEvent(ANNA, CrmEvent.CREATED, T0, e -> e.put("createdAt", T0.minus(days(400)).toString())),
                orderEvent(ANNA, "250", T0.plus(days(2))),
                orderEvent(ANNA, "50", T0.minus(days(500))),
                crmEvent(ANNA, CrmEvent.UPDATED, T0.plus(days(5)), e -> e.remove("preferences")),
                orderEvent(ANNA, "700", T0.plus(days(4)))));
        events.forEach(this::send);
        JsonNode inOrder = latest(ANNA);

        Collections.reverse(events);
        try (ProductTestDriver reversed = ProductTestDriver.of(new Customer360())) {
            events.forEach(e -> reversed.send(e.topic(), e.key(), e.json(), e.at()));
            assertThat(latest(reversed, ANNA)).isEqualTo(inOrder);
        }
        assertThat(inOrder.get("lifetimeValue").decimalValue()).isEqualByComparingTo("1000");
        assertThat(inOrder.get("orderFrequency").asInt()).isEqualTo(2);
        assertThat(inOrder.get("asOf").asString()).isEqualTo(T0.plus(days(5)).toString());
        assertThat(inOrder.get("preferences").get("language").asString()).isEqualTo("de");
    }

    @Test
    void theStoreServesTheCurrentProfileByCustomerId() {
        order(ANNA, "42", T0);
        crm(ANNA, CrmEvent.CREATED, T0.plusSeconds(5), e -> e.put("createdAt", T0.minus(days(1000)).toString()));

        CustomerProfile profile = storedProfile(ANNA);
        assertThat(Json.mapper().writeValueAsString(profile)).isEqualTo(latest(ANNA).toString());
        assertThat(profile.lifetimeValue()).isEqualByComparingTo("42");
        assertThat(profile.preferences().language()).isEqualTo("de");
    }

    @Test
    void anOrderWhoseCustomerIdIsNotAUuidIsDeadLettered() {
        driver.send(Customer360.ORDERS, "c-42", CustomerEvents.order("c-42", "10", T0).toString(), T0);

        assertThat(driver.output()).isEmpty();
        TestRecord<String, byte[]> dead = driver.deadLetters().get(0);
        assertThat(header(dead, MeshworkHeaders.KIND)).isEqualTo("processing");
        assertThat(header(dead, MeshworkHeaders.MESSAGE)).contains("'c-42' is not a UUID");
        assertThat(header(dead, MeshworkHeaders.SOURCE_TOPIC)).isEqualTo(Customer360.ORDERS);
    }

    @Test
    void aCrmEventOfUnknownTypeIsDeadLettered() {
        crm(ANNA, "CUSTOMER_MERGED", T0, e -> { });

        assertThat(driver.output()).isEmpty();
        assertThat(header(driver.deadLetters().get(0), MeshworkHeaders.MESSAGE)).contains("CUSTOMER_MERGED");
    }

    @Test
    void everySyntheticCrmEventBecomesAProfileOrADeadLetter() {
        CrmTraffic traffic = new CrmTraffic();
        Random random = new Random(3);
        for (int i = 0; i < 40; i++) {
            SyntheticRecord record = traffic.next(random, T0.plusSeconds(i), i % 4 == 0);
            driver.input(traffic.topic()).pipeInput(record.key(), record.value(), T0.plusSeconds(i));
        }

        assertThat(driver.output()).hasSize(30);
        assertThat(driver.deadLetters()).hasSize(10);
        assertThat(driver.flow().in()).isEqualTo(40);
    }

    @Test
    void syntheticCustomersAreTheOrdersTrafficsCustomers() {
        assertThat(CrmTraffic.customerId(0)).isEqualTo(UUID.nameUUIDFromBytes("customer-0".getBytes(StandardCharsets.UTF_8)).toString());
    }

    /** An input record. */
    private record Event(String topic, String key, String json, Instant at) {
    }

    private void send(Event event) {
        driver.send(event.topic(), event.key(), event.json(), event.at());
    }

    private void order(String customerId, String amount, Instant at) {
        send(orderEvent(customerId, amount, at));
    }

    private void crm(String customerId, String type, Instant at, Consumer<ObjectNode> edit) {
        send(crmEvent(customerId, type, at, edit));
    }

    private static Event orderEvent(String customerId, String amount, Instant at) {
        return new Event(Customer360.ORDERS, customerId, CustomerEvents.order(customerId, amount, at).toString(), at);
    }

    /** A CRM event with German, email and sms preferences, edited by {@code edit}. */
    private static Event crmEvent(String customerId, String type, Instant at, Consumer<ObjectNode> edit) {
        ObjectNode event = CustomerEvents.crm(customerId, type, at, "de", "email", "sms");
        edit.accept(event);
        return new Event(Customer360.CRM, customerId, event.toString(), at);
    }

    private JsonNode latest(String customerId) {
        return latest(driver, customerId);
    }

    private static JsonNode latest(ProductTestDriver driver, String customerId) {
        return driver.output().stream().filter(r -> r.key().equals(customerId)).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no profile published for " + customerId)).value();
    }

    private CustomerProfile storedProfile(String customerId) {
        KeyValueStore<String, ValueAndTimestamp<CustomerProfile>> store = driver.driver().getTimestampedKeyValueStore(Customer360.PROFILES);
        return store.get(customerId).value();
    }

    private static Duration days(int n) {
        return Duration.ofDays(n);
    }

    private static String header(TestRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
