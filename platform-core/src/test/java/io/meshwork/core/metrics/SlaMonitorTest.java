package io.meshwork.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.meshwork.core.contract.Sla;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;

class SlaMonitorTest {

    private final MockClock clock = new MockClock();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, clock);
    private final Sla sla = new Sla(Optional.of(Duration.ofMinutes(5)), Optional.of(0.99), Optional.of(0.95));
    private final FlowMetrics flow = new FlowMetrics(registry, sla);
    private final AtomicReference<KafkaStreams.State> state = new AtomicReference<>(KafkaStreams.State.CREATED);
    private final Availability availability = new Availability(registry, state::get);
    private final SlaMonitor monitor = new SlaMonitor(sla, flow, availability);

    @Test
    void everySlaIsUnknownBeforeAnythingIsMeasured() {
        assertThat(monitor.status()).extracting(SlaStatus::sla, SlaStatus::verdict).containsExactly(
                tuple("freshness_seconds", SlaStatus.Verdict.UNKNOWN),
                tuple("availability", SlaStatus.Verdict.UNKNOWN),
                tuple("quality_score", SlaStatus.Verdict.UNKNOWN));
    }

    @Test
    void judgesEachSlaAgainstItsTargetWithTheMeasuredValue() {
        transition(KafkaStreams.State.REBALANCING);
        transition(KafkaStreams.State.RUNNING);
        flow.recordOut(clock.wallTime() - 60_000);
        for (int i = 0; i < 8; i++) {
            flow.recordOut(clock.wallTime() - 400_000);
        }
        flow.recordDeadLetter("deserialization");
        clock.add(Duration.ofSeconds(99));
        transition(KafkaStreams.State.ERROR);
        clock.add(Duration.ofSeconds(1));

        assertThat(status("freshness_seconds")).isEqualTo(
                new SlaStatus("freshness_seconds", 300, 160, "now", SlaStatus.Verdict.MET));
        assertThat(status("quality_score").measured()).isEqualTo(0.9);
        assertThat(status("quality_score").verdict()).isEqualTo(SlaStatus.Verdict.BREACHED);
        assertThat(status("availability").measured()).isEqualTo(0.99);
        assertThat(status("availability").verdict()).isEqualTo(SlaStatus.Verdict.MET);
        clock.add(Duration.ofSeconds(1));
        assertThat(status("availability").verdict()).isEqualTo(SlaStatus.Verdict.BREACHED);
    }

    @Test
    void upIsOneWhileRunningOrRebalancing() {
        for (KafkaStreams.State s : KafkaStreams.State.values()) {
            state.set(s);
            boolean up = s == KafkaStreams.State.RUNNING || s == KafkaStreams.State.REBALANCING;
            assertThat(registry.get(Availability.UP).gauge().value()).as(s.name()).isEqualTo(up ? 1 : 0);
        }
    }

    private void transition(KafkaStreams.State next) {
        state.set(next);
        availability.stateChanged(next);
    }

    private SlaStatus status(String name) {
        return monitor.status().stream().filter(s -> s.sla().equals(name)).findFirst().orElseThrow();
    }
}
