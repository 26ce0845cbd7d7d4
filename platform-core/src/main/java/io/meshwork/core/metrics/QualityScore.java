package io.meshwork.core.metrics;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Arrays;

/**
 * {@code dataproduct_quality_score}: the share of the product's records that reached consumers intact over the
 * last five minutes, {@code valid / (valid + invalid)}. Valid: published on the output topic. Invalid: sent to the
 * dead-letter topic for any reason (unreadable input, contract violation, processing or production failure),
 * because each of those is a record its consumers do not get. NaN while the window holds no record.
 *
 * <p>The window slides in {@value #STEP_SECONDS}-second steps, so it spans between 290 and 300 seconds.
 */
public final class QualityScore {

    /** Micrometer name ({@code dataproduct_quality_score} in Prometheus). */
    public static final String NAME = "dataproduct.quality.score";
    /** Length of the rolling window. */
    public static final Duration WINDOW = Duration.ofMinutes(5);
    static final long STEP_SECONDS = 10;

    private static final long STEP_MS = STEP_SECONDS * 1000;
    private static final int STEPS = (int) (WINDOW.toMillis() / STEP_MS);

    private final Clock clock;
    private final long[] stepOf = new long[STEPS];
    private final long[] valid = new long[STEPS];
    private final long[] invalid = new long[STEPS];

    QualityScore(MeterRegistry registry) {
        this.clock = registry.config().clock();
        Arrays.fill(stepOf, -1);
        Gauge.builder(NAME, this, QualityScore::score)
                .description("Share of records published intact over the last 5 minutes: out / (out + dead-lettered)")
                .register(registry);
    }

    /** Counts one record published on the output topic. */
    synchronized void valid() {
        valid[slot()]++;
    }

    /** Counts one record sent to the dead-letter topic. */
    synchronized void invalid() {
        invalid[slot()]++;
    }

    /** The records judged within the window. */
    public synchronized Counts counts() {
        long now = step();
        long good = 0;
        long bad = 0;
        for (int i = 0; i < STEPS; i++) {
            if (stepOf[i] > now - STEPS) {
                good += valid[i];
                bad += invalid[i];
            }
        }
        return new Counts(good, bad);
    }

    /** {@code valid / (valid + invalid)} within the window; NaN when it holds no record. */
    public double score() {
        return counts().score();
    }

    private int slot() {
        long step = step();
        int slot = (int) (step % STEPS);
        if (stepOf[slot] != step) {
            stepOf[slot] = step;
            valid[slot] = 0;
            invalid[slot] = 0;
        }
        return slot;
    }

    private long step() {
        return clock.wallTime() / STEP_MS;
    }

    /**
     * Records judged within the window.
     *
     * @param valid   published on the output topic
     * @param invalid sent to the dead-letter topic
     */
    public record Counts(long valid, long invalid) {

        /** {@code valid / (valid + invalid)}; NaN when both are 0. */
        public double score() {
            long total = valid + invalid;
            return total == 0 ? Double.NaN : (double) valid / total;
        }
    }
}
