package io.meshwork.products.orders;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * One placed order, flat: the record published on {@code commerce.orders}. Absent values are left out of the
 * JSON, so the contract reports them as missing rather than as {@code null}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Order(String orderId, String customerId, String eventId, String timestamp, String region,
                    String currency, BigDecimal totalAmount, List<OrderPlaced.Item> items, Integer itemCount,
                    String correlationId, String source) {

    /** Region used when the event carries none. */
    public static final String UNKNOWN_REGION = "unknown";

    /** Flattens an event; never throws, whatever is missing. */
    public static Order from(OrderPlaced event) {
        Optional<OrderPlaced.Payload> payload = Optional.ofNullable(event.payload());
        Optional<OrderPlaced.Metadata> metadata = Optional.ofNullable(event.metadata());
        List<OrderPlaced.Item> items = payload.map(OrderPlaced.Payload::items).orElse(null);
        return new Order(
                payload.map(OrderPlaced.Payload::orderId).orElse(null),
                payload.map(OrderPlaced.Payload::customerId).orElse(null),
                event.eventId(),
                event.timestamp(),
                payload.map(OrderPlaced.Payload::region).filter(r -> !r.isBlank()).orElse(UNKNOWN_REGION),
                payload.map(OrderPlaced.Payload::currency).orElse(null),
                payload.map(OrderPlaced.Payload::totalAmount).orElse(null),
                items,
                items == null ? null : items.size(),
                metadata.map(OrderPlaced.Metadata::correlationId).orElse(null),
                metadata.map(OrderPlaced.Metadata::source).orElse(null));
    }
}
