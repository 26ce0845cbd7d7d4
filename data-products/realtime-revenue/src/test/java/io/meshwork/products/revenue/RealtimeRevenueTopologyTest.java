package io.meshwork.products.revenue;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshwork.core.json.Json;
import io.meshwork.core.port.MeshworkHeaders;
import io.meshwork.test.ProductTestDriver;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class RealtimeRevenueTopologyTest {

    private static final String DAY = "2026-11-20T";

    private final ProductTestDriver driver = ProductTestDriver.of(new RealtimeRevenue());
    private int orders;

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void anOrderUpdatesTheFiveHoppingWindowsThatContainIt() {
        place("zurich", "120.50", "10:02:30");

        List<TestRecord<String, JsonNode>> out = driver.output();
        assertThat(out).extracting(TestRecord::key).containsOnly("zurich");
        assertThat(windows(out)).containsExactly("09:58-10:03", "09:59-10:04", "10:00-10:05", "10:01-10:06", "10:02-10:07");
        assertThat(out).allSatisfy(r -> {
            assertThat(r.value().get("totalRevenue").decimalValue()).isEqualByComparingTo("120.50");
            assertThat(r.value().get("orderCount").asLong()).isEqualTo(1);
            assertThat(r.value().get("averageOrderValue").decimalValue()).isEqualByComparingTo("120.50");
        });
        assertThat(driver.deadLetters()).isEmpty();
    }

    @Test
    void aWindowIncludesItsStartAndExcludesItsEnd() {
        place("zurich", "10", "10:05:00");

        assertThat(windows(driver.output())).containsExactly("10:01-10:06", "10:02-10:07", "10:03-10:08", "10:04-10:09", "10:05-10:10");
    }

    @Test
    void totalsCountAndAverageAccumulatePerRegionAndWindow() {
        place("zurich", "100.00", "10:00:10");
        place("geneva", "7.00", "10:00:20");
        place("zurich", "50.01", "10:00:40");

        JsonNode zurich = last(driver.output(), "zurich", "10:00-10:05");
        assertThat(zurich.get("totalRevenue").decimalValue()).isEqualByComparingTo("150.01");
        assertThat(zurich.get("orderCount").asLong()).isEqualTo(2);
        assertThat(zurich.get("averageOrderValue").decimalValue()).isEqualByComparingTo("75.01");
        assertThat(zurich.get("windowStart").asString()).isEqualTo(DAY + "10:00:00Z");
        assertThat(zurich.get("windowEnd").asString()).isEqualTo(DAY + "10:05:00Z");
    }

    @Test
    void everyUpdateIsPublishedNotOnlyTheLatest() {
        place("zurich", "1", "10:00:10");
        place("zurich", "2", "10:00:20");
        place("zurich", "3", "10:00:30");

        assertThat(driver.output()).filteredOn(r -> window(r).equals("10:00-10:05"))
                .extracting(r -> r.value().get("orderCount").asLong()).containsExactly(1L, 2L, 3L);
    }

    @Test
    void outOfOrderOrdersWithinGraceGiveTheSameTotalsAsInOrder() {
        place("basel", "30", "10:03:00");
        place("basel", "10", "10:01:00");
        place("basel", "20", "10:02:00");

        JsonNode window = last(driver.output(), "basel", "10:01-10:06");
        assertThat(window.get("totalRevenue").decimalValue()).isEqualByComparingTo("60");
        assertThat(window.get("orderCount").asLong()).isEqualTo(3);
        assertThat(window.get("averageOrderValue").decimalValue()).isEqualByComparingTo("20");
    }

    @Test
    void anOrderLateByLessThanTheGraceStillUpdatesAllItsWindows() {
        place("zurich", "1", "10:20:00");
        driver.output();

        // windows 10:08..10:12 end at 10:13..10:17, after 10:20 - 10 minutes of grace
        place("zurich", "5", "10:12:00");

        assertThat(windows(driver.output())).containsExactly("10:08-10:13", "10:09-10:14", "10:10-10:15", "10:11-10:16", "10:12-10:17");
        assertThat(droppedRecords()).isZero();
    }

    @Test
    void aWindowClosesExactlyGraceAfterItsEnd() {
        place("zurich", "1", "10:20:00");
        driver.output();

        // window 10:05-10:10 closes at 10:10 + 10 minutes = 10:20, the stream time: dropped; the other four are open
        place("zurich", "5", "10:09:59");

        assertThat(windows(driver.output())).containsExactly("10:06-10:11", "10:07-10:12", "10:08-10:13", "10:09-10:14");
        assertThat(droppedRecords()).isEqualTo(1);
    }

    @Test
    void anOrderLaterThanTheGraceIsDroppedAndCountedOncePerClosedWindow() {
        place("zurich", "1", "10:20:00");
        place("geneva", "1", "10:20:00");
        driver.output();

        place("zurich", "999", "10:04:59");

        assertThat(driver.output()).isEmpty();
        assertThat(droppedRecords()).isEqualTo(5);
        assertThat(driver.deadLetters()).isEmpty();
        JsonNode window = storeWindow("zurich", "10:00");
        assertThat(window).isNull();
    }

    @Test
    void streamTimeIsTheNewestOrderOfAnyRegion() {
        place("geneva", "1", "10:30:00");
        driver.output();

        place("zurich", "1", "10:15:00");

        assertThat(driver.output()).isEmpty();
        assertThat(droppedRecords()).isEqualTo(5);
    }

    @Test
    void theStoreServesARegionsWindowsInATimeRange() {
        place("lugano", "40", "10:00:30");
        place("lugano", "60", "10:01:30");
        place("bern", "1", "10:01:30");

        WindowStore<String, ValueAndTimestamp<RevenueTotals>> store = driver.driver().getTimestampedWindowStore(RealtimeRevenue.STORE);
        List<KeyValue<Long, ValueAndTimestamp<RevenueTotals>>> windows;
        try (WindowStoreIterator<ValueAndTimestamp<RevenueTotals>> it = store.fetch("lugano", at("10:00:00"), at("10:01:00"))) {
            windows = iterate(it);
        }
        assertThat(windows).extracting(w -> Instant.ofEpochMilli(w.key)).containsExactly(at("10:00:00"), at("10:01:00"));
        assertThat(windows.get(0).value.value().totalRevenue()).isEqualByComparingTo("100");
        assertThat(windows.get(0).value.value().orderCount()).isEqualTo(2);
        assertThat(windows.get(0).value.value().averageOrderValue()).isEqualByComparingTo("50.00");
        assertThat(windows.get(1).value.value().totalRevenue()).isEqualByComparingTo("60");
    }

    @Test
    void anOrderWithoutRegionIsDeadLetteredNotSkipped() {
        ObjectNode order = order("zurich", "10", "10:00:00");
        order.remove("region");
        driver.send(RealtimeRevenue.ORDERS, order.get("customerId").asString(), order.toString(), at("10:00:00"));

        assertThat(driver.output()).isEmpty();
        assertThat(driver.deadLetters()).singleElement().satisfies(dead ->
                assertThat(header(dead, MeshworkHeaders.KIND)).isEqualTo("processing"));
    }

    private void place(String region, String amount, String time) {
        ObjectNode order = order(region, amount, time);
        // the record time is the Kafka timestamp; the event time must come from the order itself
        driver.send(RealtimeRevenue.ORDERS, order.get("customerId").asString(), order.toString(), at("00:00:00"));
    }

    /** An order exactly as the orders product publishes it. */
    private ObjectNode order(String region, String amount, String time) {
        int n = orders++;
        ObjectNode order = Json.mapper().createObjectNode();
        order.put("orderId", "ord-" + n);
        order.put("customerId", UUID.nameUUIDFromBytes(("customer-" + n).getBytes(StandardCharsets.UTF_8)).toString());
        order.put("eventId", UUID.randomUUID().toString());
        order.put("timestamp", DAY + time + "Z");
        order.put("region", region);
        order.put("currency", "CHF");
        order.put("totalAmount", new BigDecimal(amount));
        order.putArray("items").addObject().put("productId", "prod-1").put("quantity", 1).put("price", new BigDecimal(amount));
        order.put("itemCount", 1);
        return order;
    }

    private static Instant at(String time) {
        return Instant.parse(DAY + time + "Z");
    }

    private static List<String> windows(List<TestRecord<String, JsonNode>> records) {
        return records.stream().map(RealtimeRevenueTopologyTest::window).toList();
    }

    private static String window(TestRecord<String, JsonNode> record) {
        return hhmm(record.value().get("windowStart")) + "-" + hhmm(record.value().get("windowEnd"));
    }

    private static String hhmm(JsonNode time) {
        return time.asString().substring(DAY.length(), DAY.length() + 5);
    }

    private static JsonNode last(List<TestRecord<String, JsonNode>> records, String region, String window) {
        return records.stream().filter(r -> r.key().equals(region) && window(r).equals(window))
                .reduce((first, second) -> second).orElseThrow().value();
    }

    private JsonNode storeWindow(String region, String start) {
        WindowStore<String, ValueAndTimestamp<RevenueTotals>> store = driver.driver().getTimestampedWindowStore(RealtimeRevenue.STORE);
        ValueAndTimestamp<RevenueTotals> totals = store.fetch(region, at(start + ":00").toEpochMilli());
        return totals == null ? null : Json.mapper().valueToTree(totals.value());
    }

    private double droppedRecords() {
        return driver.driver().metrics().entrySet().stream()
                .filter(e -> e.getKey().name().equals("dropped-records-total") && e.getKey().group().equals("stream-task-metrics"))
                .mapToDouble(e -> (Double) e.getValue().metricValue())
                .sum();
    }

    private static <V> List<KeyValue<Long, V>> iterate(WindowStoreIterator<V> it) {
        List<KeyValue<Long, V>> all = new ArrayList<>();
        it.forEachRemaining(all::add);
        return all;
    }

    private static String header(TestRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
