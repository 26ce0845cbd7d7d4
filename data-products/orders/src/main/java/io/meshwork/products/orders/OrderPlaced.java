package io.meshwork.products.orders;

import java.math.BigDecimal;
import java.util.List;

/**
 * The order service's {@code OrderPlacedEvent}, as published on {@code commerce.orders.placed}. Read leniently:
 * missing parts stay {@code null} and the output contract decides what is acceptable.
 *
 * @param eventId   unique event id (a UUID)
 * @param eventType always {@code ORDER_PLACED}
 * @param timestamp ISO-8601 instant the order was placed: the event time
 * @param payload   the order
 * @param metadata  tracing and versioning
 */
public record OrderPlaced(String eventId, String eventType, String timestamp, Payload payload, Metadata metadata) {

    /**
     * The order itself.
     *
     * @param region optional; not in the article's event, used by regional analytics
     */
    public record Payload(String orderId, String customerId, List<Item> items, BigDecimal totalAmount, String currency,
                          String region) {
    }

    /** One order line. */
    public record Item(String productId, Integer quantity, BigDecimal price) {
    }

    /** Event metadata. */
    public record Metadata(String correlationId, String source, String version) {
    }
}
