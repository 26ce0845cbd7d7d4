package io.meshwork.core.metrics;

import io.meshwork.core.DataProduct;
import io.meshwork.core.ProductContext;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The observability test product (contract {@code contracts/testing/readings.yaml}): publishes each raw reading as
 * it is, with the reading's {@code at} as event time. Its {@link #hold()} / {@link #release()} valve stops
 * processing so a test can build an input backlog.
 */
final class ReadingsProduct implements DataProduct {

    static final String RAW = "testing.raw-readings";

    /** A reading as the sensors send it. */
    record Reading(String sensorId, Double value, String at) {
    }

    private volatile CountDownLatch valve = new CountDownLatch(0);

    @Override
    public String name() {
        return "readings";
    }

    @Override
    public void topology(ProductContext ctx) {
        ctx.output(ctx.input(RAW, Reading.class, reading -> Instant.parse(reading.at()))
                .peek((key, reading) -> waitAtValve()));
    }

    /** Processing stops at the next record until {@link #release()}. */
    void hold() {
        valve = new CountDownLatch(1);
    }

    void release() {
        valve.countDown();
    }

    private void waitAtValve() {
        try {
            // Bounded, so a failed test never leaves a stream thread blocked.
            valve.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
