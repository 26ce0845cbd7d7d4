package io.meshwork.core.metrics;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How current the output is, observed on every record the output port publishes:
 * {@code dataproduct_freshness_seconds} (now − the newest event time on the output topic) and the
 * {@code dataproduct_end_to_end_latency_seconds} histogram (publish wall time − the record's event time).
 * A record's event time is its Kafka Streams timestamp at the output port: the input's event time, or the
 * timestamp the topology gave it (window end, aggregate update).
 */
public final class DeliveryTimes {

    /** Micrometer name of the freshness gauge ({@code dataproduct_freshness_seconds} in Prometheus). */
    public static final String FRESHNESS = "dataproduct.freshness";
    /** Micrometer name of the latency histogram ({@code dataproduct_end_to_end_latency_seconds}). */
    public static final String LATENCY = "dataproduct.end.to.end.latency";

    /** Histogram bucket bounds; the contract's freshness target is added as one more. */
    static final Duration[] BUCKETS = {
        Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
        Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500),
        Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(1),
        Duration.ofMinutes(2), Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofMinutes(15),
        Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(6),
        Duration.ofHours(12), Duration.ofDays(1)};

    private final Clock clock;
    private final AtomicLong newestEventTime = new AtomicLong(Long.MIN_VALUE);
    private final Timer latency;

    DeliveryTimes(MeterRegistry registry, Optional<Duration> freshnessTarget) {
        this.clock = registry.config().clock();
        TreeSet<Duration> buckets = new TreeSet<>(List.of(BUCKETS));
        freshnessTarget.ifPresent(buckets::add);
        this.latency = Timer.builder(LATENCY)
                .description("Publish wall time minus event time of each record written to the output topic")
                .serviceLevelObjectives(buckets.toArray(Duration[]::new))
                .register(registry);
        Gauge.builder(FRESHNESS, this, DeliveryTimes::freshnessSeconds)
                .baseUnit("seconds")
                .description("Now minus the newest event time written to the output topic; NaN before the first")
                .register(registry);
    }

    /** Observes one record published with event time {@code eventTimeMs}. */
    void delivered(long eventTimeMs) {
        newestEventTime.accumulateAndGet(eventTimeMs, Math::max);
        // An event time ahead of the clock counts as no delay rather than a negative one.
        latency.record(Math.max(0, clock.wallTime() - eventTimeMs), TimeUnit.MILLISECONDS);
    }

    /**
     * Tells what is already on the output topic (its newest record timestamp), so freshness is right after a
     * restart before the first new record. Never moves the newest event time back.
     */
    public void seed(Instant newestOnTopic) {
        newestEventTime.accumulateAndGet(newestOnTopic.toEpochMilli(), Math::max);
    }

    /** The newest event time written to the output topic, if any. */
    public Optional<Instant> newestEventTime() {
        long newest = newestEventTime.get();
        return newest == Long.MIN_VALUE ? Optional.empty() : Optional.of(Instant.ofEpochMilli(newest));
    }

    /** Now minus the newest event time on the output, in seconds (0 if it is ahead of the clock); NaN if none. */
    public double freshnessSeconds() {
        long newest = newestEventTime.get();
        return newest == Long.MIN_VALUE ? Double.NaN : Math.max(0, clock.wallTime() - newest) / 1000.0;
    }

    /** The latency histogram. */
    public Timer latency() {
        return latency;
    }
}
