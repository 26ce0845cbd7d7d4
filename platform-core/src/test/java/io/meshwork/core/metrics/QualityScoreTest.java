package io.meshwork.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class QualityScoreTest {

    private final MockClock clock = new MockClock();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, clock);
    private final QualityScore quality = new QualityScore(registry);

    @Test
    void isNotANumberBeforeAnyRecord() {
        assertThat(quality.score()).isNaN();
        assertThat(registry.get(QualityScore.NAME).gauge().value()).isNaN();
    }

    @Test
    void isTheShareOfValidRecords() {
        record(9, 1);
        assertThat(quality.score()).isEqualTo(0.9);
        assertThat(registry.get(QualityScore.NAME).gauge().value()).isEqualTo(0.9);
        assertThat(quality.counts()).isEqualTo(new QualityScore.Counts(9, 1));
    }

    @Test
    void forgetsRecordsOlderThanFiveMinutes() {
        record(0, 10);
        clock.add(Duration.ofMinutes(3));
        record(10, 0);
        assertThat(quality.score()).isEqualTo(0.5);

        clock.add(Duration.ofMinutes(2).plusSeconds(QualityScore.STEP_SECONDS));
        assertThat(quality.score()).as("the invalid burst left the window").isEqualTo(1.0);

        clock.add(Duration.ofMinutes(5));
        assertThat(quality.score()).isNaN();
    }

    @Test
    void aSlotReusedAfterAFullWindowStartsEmpty() {
        record(1, 0);
        clock.add(QualityScore.WINDOW.toMillis(), TimeUnit.MILLISECONDS);
        record(0, 1);
        assertThat(quality.counts()).isEqualTo(new QualityScore.Counts(0, 1));
    }

    private void record(int valid, int invalid) {
        for (int i = 0; i < valid; i++) {
            quality.valid();
        }
        for (int i = 0; i < invalid; i++) {
            quality.invalid();
        }
    }
}
