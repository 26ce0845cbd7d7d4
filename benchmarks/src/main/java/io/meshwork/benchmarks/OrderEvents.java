package io.meshwork.benchmarks;

import io.meshwork.core.json.Json;
import io.meshwork.products.orders.OrderPlaced;
import io.meshwork.products.orders.OrderTraffic;
import java.time.Instant;
import java.util.Random;
import java.util.random.RandomGenerator;

/**
 * A fixed set of valid {@code OrderPlaced} events, generated once per trial from a seeded random, so every run
 * and every benchmark sees the same records: as bytes (what arrives on the topic) and as parsed events.
 */
final class OrderEvents {

    /** Events per set: enough variety (1–4 items, 500 customers) without measuring cache misses. */
    static final int COUNT = 1024;
    private static final long SEED = 20_260_101L;

    private final String[] keys = new String[COUNT];
    private final byte[][] bytes = new byte[COUNT][];
    private final OrderPlaced[] events = new OrderPlaced[COUNT];

    /** Events placed just before {@code at}: the output port rejects event times far ahead of the clock. */
    OrderEvents(Instant at) {
        RandomGenerator random = new Random(SEED);
        for (int i = 0; i < COUNT; i++) {
            keys[i] = OrderTraffic.customerId(random.nextInt(500));
            bytes[i] = Json.mapper().writeValueAsBytes(OrderTraffic.orderPlaced(random, keys[i], at.minusMillis(COUNT - i)));
            events[i] = Json.mapper().readValue(bytes[i], OrderPlaced.class);
        }
    }

    String key(int i) {
        return keys[i];
    }

    byte[] bytes(int i) {
        return bytes[i];
    }

    OrderPlaced event(int i) {
        return events[i];
    }
}
