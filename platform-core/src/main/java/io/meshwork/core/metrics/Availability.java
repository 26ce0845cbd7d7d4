package io.meshwork.core.metrics;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;

/**
 * {@code dataproduct_up}: 1 while Kafka Streams is RUNNING or REBALANCING (a rebalance is a normal part of
 * scaling and restarts, not an outage), else 0. Also keeps this instance's own availability since it started, for
 * the live SLA status; the SLO itself is evaluated in Prometheus over {@code dataproduct_up}.
 */
public final class Availability {

    /** Micrometer name ({@code dataproduct_up} in Prometheus). */
    public static final String UP = "dataproduct.up";

    private final Clock clock;
    private final Supplier<KafkaStreams.State> state;
    private long startedAt = -1;
    private long upMillis;
    private long upSince = -1;

    public Availability(MeterRegistry registry, Supplier<KafkaStreams.State> state) {
        this.clock = registry.config().clock();
        this.state = state;
        Gauge.builder(UP, this, a -> isUp(a.state.get()) ? 1 : 0)
                .description("1 while Kafka Streams is RUNNING or REBALANCING, else 0")
                .register(registry);
    }

    /** Whether {@code state} counts as up. */
    public static boolean isUp(KafkaStreams.State state) {
        return state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING;
    }

    /** Feeds a Kafka Streams state change; call it from the state listener. The first one starts the clock. */
    public synchronized void stateChanged(KafkaStreams.State next) {
        long now = clock.wallTime();
        if (startedAt < 0) {
            startedAt = now;
        }
        if (upSince >= 0) {
            upMillis += now - upSince;
            upSince = -1;
        }
        if (isUp(next)) {
            upSince = now;
        }
    }

    /** When Kafka Streams started, if it has. */
    public synchronized Optional<Instant> startedAt() {
        return startedAt < 0 ? Optional.empty() : Optional.of(Instant.ofEpochMilli(startedAt));
    }

    /** Share of the time since Kafka Streams started that this instance was up, 0..1; NaN before it started. */
    public synchronized double sinceStart() {
        if (startedAt < 0) {
            return Double.NaN;
        }
        long now = clock.wallTime();
        long total = now - startedAt;
        long up = upMillis + (upSince >= 0 ? now - upSince : 0);
        return total <= 0 ? 1.0 : Math.min(1.0, (double) up / total);
    }
}
