package io.meshwork.products.orders;

import io.meshwork.core.json.Json;
import io.meshwork.core.traffic.SyntheticRecord;
import io.meshwork.core.traffic.SyntheticTraffic;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.random.RandomGenerator;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Synthetic {@code OrderPlacedEvent}s for {@code commerce.orders.placed}, shaped exactly as the order service's
 * {@code publishOrderPlaced} builds them (plus a region on most). Invalid ones break the orders contract in one
 * of several ways, or are not JSON at all.
 */
public final class OrderTraffic implements SyntheticTraffic {

    /** Regions of the synthetic shop; events without one become {@code unknown}. */
    public static final List<String> REGIONS = List.of("zurich", "geneva", "basel", "bern", "lugano");
    private static final int CUSTOMERS = 500;
    private static final int PRODUCTS = 50;

    @Override
    public String topic() {
        return OrdersProduct.ORDERS_PLACED;
    }

    @Override
    public SyntheticRecord next(RandomGenerator random, Instant now, boolean invalid) {
        String customerId = customerId(random.nextInt(CUSTOMERS));
        ObjectNode event = orderPlaced(random, customerId, now);
        if (!invalid) {
            return record(customerId, event);
        }
        ObjectNode payload = (ObjectNode) event.get("payload");
        switch (random.nextInt(5)) {
            case 0 -> {
                return new SyntheticRecord(customerId, "{\"eventId\": not json".getBytes(StandardCharsets.UTF_8));
            }
            case 1 -> payload.put("totalAmount", -payload.get("totalAmount").asDouble());
            case 2 -> payload.put("currency", "Swiss francs");
            case 3 -> payload.putArray("items");
            default -> event.put("timestamp", "yesterday");
        }
        return record(customerId, event);
    }

    /**
     * An event exactly as {@code publishOrderPlaced} builds it: eventId, eventType, ISO timestamp, payload
     * {orderId, customerId, items, totalAmount, currency: CHF}, metadata {correlationId, source, version}.
     */
    public static ObjectNode orderPlaced(RandomGenerator random, String customerId, Instant at) {
        ObjectNode event = Json.mapper().createObjectNode();
        event.put("eventId", randomUuid(random));
        event.put("eventType", "ORDER_PLACED");
        event.put("timestamp", at.toString());
        ObjectNode payload = event.putObject("payload");
        payload.put("orderId", "ord-" + Long.toHexString(random.nextLong() & Long.MAX_VALUE));
        payload.put("customerId", customerId);
        ArrayNode items = payload.putArray("items");
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0, n = 1 + random.nextInt(4); i < n; i++) {
            int quantity = 1 + random.nextInt(3);
            BigDecimal price = BigDecimal.valueOf(500 + random.nextInt(20_000), 2);
            items.addObject().put("productId", "prod-" + random.nextInt(PRODUCTS)).put("quantity", quantity).put("price", price);
            total = total.add(price.multiply(BigDecimal.valueOf(quantity)));
        }
        payload.put("totalAmount", total.setScale(2, RoundingMode.HALF_UP));
        payload.put("currency", "CHF");
        if (random.nextInt(10) > 0) {
            payload.put("region", REGIONS.get(random.nextInt(REGIONS.size())));
        }
        ObjectNode metadata = event.putObject("metadata");
        metadata.put("correlationId", randomUuid(random));
        metadata.put("source", "order-service");
        metadata.put("version", "2.0.0");
        return event;
    }

    /** The synthetic shop's n-th customer id (a stable UUID). */
    public static String customerId(int n) {
        return UUID.nameUUIDFromBytes(("customer-" + n).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static String randomUuid(RandomGenerator random) {
        return new UUID((random.nextLong() & ~0xF000L) | 0x4000L, (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L).toString();
    }

    private static SyntheticRecord record(String key, ObjectNode event) {
        return new SyntheticRecord(key, Json.mapper().writeValueAsBytes(event));
    }
}
