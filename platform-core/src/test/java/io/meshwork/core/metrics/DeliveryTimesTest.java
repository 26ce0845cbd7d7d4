package io.meshwork.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DeliveryTimesTest {

    private final MockClock clock = new MockClock();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, clock);
    private final DeliveryTimes delivery = new DeliveryTimes(registry, Optional.of(Duration.ofSeconds(450)));

    @Test
    void freshnessIsUnknownUntilTheFirstRecord() {
        assertThat(delivery.freshnessSeconds()).isNaN();
        assertThat(delivery.newestEventTime()).isEmpty();
    }

    @Test
    void freshnessIsTheAgeOfTheNewestEventTimeAndGrowsWithTheClock() {
        long now = clock.wallTime();
        delivery.delivered(now - 30_000);
        delivery.delivered(now - 90_000); // older and later: the output still holds the newer one
        assertThat(delivery.freshnessSeconds()).isEqualTo(30.0);
        clock.add(10, TimeUnit.SECONDS);
        assertThat(delivery.freshnessSeconds()).isEqualTo(40.0);
        assertThat(registry.get(DeliveryTimes.FRESHNESS).gauge().value()).isEqualTo(40.0);
    }

    @Test
    void aSeedFromTheTopicNeverMovesFreshnessBack() {
        long now = clock.wallTime();
        delivery.seed(Instant.ofEpochMilli(now - 60_000));
        assertThat(delivery.freshnessSeconds()).isEqualTo(60.0);
        delivery.delivered(now - 5_000);
        delivery.seed(Instant.ofEpochMilli(now - 600_000));
        assertThat(delivery.freshnessSeconds()).isEqualTo(5.0);
    }

    @Test
    void latencyIsPublishTimeMinusEventTimeAndNeverNegative() {
        long now = clock.wallTime();
        delivery.delivered(now - 2_000);
        delivery.delivered(now + 60_000);
        assertThat(delivery.latency().count()).isEqualTo(2);
        assertThat(delivery.latency().totalTime(TimeUnit.MILLISECONDS)).isEqualTo(2_000);
        assertThat(delivery.freshnessSeconds()).as("event time ahead of the clock").isZero();
    }

    @Test
    void theHistogramHasABucketAtTheFreshnessTarget() {
        long now = clock.wallTime();
        delivery.delivered(now - 449_000);
        delivery.delivered(now - 451_000);
        CountAtBucket atTarget = Arrays.stream(delivery.latency().takeSnapshot().histogramCounts())
                .filter(b -> b.bucket(TimeUnit.SECONDS) == 450).findFirst().orElseThrow();
        assertThat(atTarget.count()).isEqualTo(1);
    }
}
