package io.meshwork.products.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshwork.test.ProductTestDriver;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class HighVolumeAlertsTopologyTest {

    private static final long THRESHOLD = 3;
    private static final Instant NOON = Instant.parse("2026-11-20T12:00:00Z");

    private final ProductTestDriver driver = ProductTestDriver.of(new HighVolumeAlerts(THRESHOLD));

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void aWindowAtTheThresholdDoesNotAlert() {
        update("zurich", NOON, 1, 2, 3);

        assertThat(driver.output()).isEmpty();
    }

    @Test
    void theUpdateThatExceedsTheThresholdRaisesTheAlert() {
        update("zurich", NOON, 3, 4);

        List<TestRecord<String, JsonNode>> alerts = driver.output();
        assertThat(alerts).hasSize(1);
        TestRecord<String, JsonNode> alert = alerts.get(0);
        assertThat(alert.key()).isEqualTo("zurich");
        assertThat(alert.value().get("alertId").asString()).isEqualTo("high-volume/zurich/2026-11-20T12:00:00Z");
        assertThat(alert.value().get("alertType").asString()).isEqualTo("HIGH_VOLUME");
        assertThat(alert.value().get("windowStart").asString()).isEqualTo("2026-11-20T12:00:00Z");
        assertThat(alert.value().get("windowEnd").asString()).isEqualTo("2026-11-20T12:05:00Z");
        assertThat(alert.value().get("orderCount").asLong()).isEqualTo(4);
        assertThat(alert.value().get("threshold").asLong()).isEqualTo(THRESHOLD);
        assertThat(alert.value().get("totalRevenue").decimalValue()).isEqualByComparingTo("400");
        assertThat(driver.deadLetters()).isEmpty();
    }

    @Test
    void aWindowAlertsOnceWhateverTheUpdatesThatFollow() {
        update("zurich", NOON, 4, 5, 6, 7);
        update("zurich", NOON, 8);

        assertThat(driver.output()).singleElement()
                .satisfies(alert -> assertThat(alert.value().get("orderCount").asLong()).isEqualTo(4));
    }

    @Test
    void eachWindowAndEachRegionAlertsOnItsOwn() {
        update("zurich", NOON, 4, 5);
        update("zurich", NOON.plusSeconds(60), 4, 5);
        update("geneva", NOON, 4);

        assertThat(driver.output()).extracting(a -> a.value().get("alertId").asString()).containsExactly(
                "high-volume/zurich/2026-11-20T12:00:00Z",
                "high-volume/zurich/2026-11-20T12:01:00Z",
                "high-volume/geneva/2026-11-20T12:00:00Z");
    }

    @Test
    void aWindowFirstSeenAboveTheThresholdAlertsOnce() {
        // updates may be coalesced upstream: the count can jump past threshold + 1
        update("basel", NOON, 9, 12);

        assertThat(driver.output()).singleElement()
                .satisfies(alert -> assertThat(alert.value().get("orderCount").asLong()).isEqualTo(9));
    }

    @Test
    void alertedWindowsAreQueryableByRegionAndWindowStart() {
        update("bern", NOON, 4);

        WindowStore<String, ValueAndTimestamp<HighVolumeAlert>> store = driver.driver().getTimestampedWindowStore(HighVolumeAlerts.STORE);
        assertThat(store.fetch("bern", NOON.toEpochMilli()).value().orderCount()).isEqualTo(4);
        assertThat(store.fetch("bern", NOON.plusSeconds(60).toEpochMilli())).isNull();
    }

    @Test
    void alertedWindowsAreForgottenAfterADay() {
        update("bern", NOON, 4);
        update("bern", NOON.plus(HighVolumeAlerts.REMEMBER_FOR).plusSeconds(60), 4);

        WindowStore<String, ValueAndTimestamp<HighVolumeAlert>> store = driver.driver().getTimestampedWindowStore(HighVolumeAlerts.STORE);
        assertThat(store.fetch("bern", NOON.toEpochMilli())).isNull();
    }

    @Test
    void theThresholdComesFromTheEnvironmentAndDefaultsToTheArticles() {
        assertThat(HighVolumeAlerts.thresholdFrom(Map.of())).isEqualTo(1000);
        assertThat(HighVolumeAlerts.thresholdFrom(Map.of(HighVolumeAlerts.THRESHOLD_ENV, " 25 "))).isEqualTo(25);
        assertThatThrownBy(() -> HighVolumeAlerts.thresholdFrom(Map.of(HighVolumeAlerts.THRESHOLD_ENV, "lots")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("MESHWORK_ALERT_THRESHOLD").hasMessageContaining("'lots'");
        assertThatThrownBy(() -> HighVolumeAlerts.thresholdFrom(Map.of(HighVolumeAlerts.THRESHOLD_ENV, "-1")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** realtime-revenue's updates of one window, 100 CHF per order, as it publishes them. */
    private void update(String region, Instant windowStart, long... counts) {
        for (long count : counts) {
            String json = """
                    {"region":"%s","windowStart":"%s","windowEnd":"%s","totalRevenue":%d,"orderCount":%d,"averageOrderValue":100}
                    """.formatted(region, windowStart, windowStart.plus(Duration.ofMinutes(5)), count * 100, count);
            driver.send(HighVolumeAlerts.REVENUE, region, json, windowStart.plusSeconds(count));
        }
    }
}
