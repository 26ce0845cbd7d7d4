package io.meshwork.products.customer360;

import io.meshwork.core.EventTime;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * What customer 360 reads of an order on {@code commerce.orders}. The rest of the record is ignored.
 *
 * @param orderId     the order
 * @param customerId  who placed it (a UUID)
 * @param timestamp   when it was placed (ISO-8601): the event time
 * @param totalAmount order total, CHF
 */
public record Order(String orderId, String customerId, String timestamp, BigDecimal totalAmount) {

    /** The event time, or {@code null} when the timestamp is missing or unreadable (the record time is used). */
    Instant placedAt() {
        return EventTime.parseIso(timestamp);
    }
}
