package io.meshwork.products.revenue;

import io.meshwork.core.EventTime;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * What realtime revenue reads of an order on {@code commerce.orders}: the fields it aggregates. The rest of the
 * record is ignored.
 *
 * @param orderId     the order
 * @param timestamp   when it was placed (ISO-8601): the event time
 * @param region      sales region
 * @param totalAmount order total
 */
public record Order(String orderId, String timestamp, String region, BigDecimal totalAmount) {

    /** The event time, or {@code null} when the timestamp is missing or unreadable (the record time is used). */
    Instant placedAt() {
        return EventTime.parseIso(timestamp);
    }

    /**
     * This order, if it can be counted; the orders contract guarantees it can.
     *
     * @throws IllegalArgumentException when region or total is missing, so the record is dead-lettered instead of
     *                                  silently skipped by the grouping
     */
    Order countable() {
        if (region == null || region.isBlank() || totalAmount == null) {
            throw new IllegalArgumentException("order " + orderId + " has no region or no totalAmount");
        }
        return this;
    }
}
