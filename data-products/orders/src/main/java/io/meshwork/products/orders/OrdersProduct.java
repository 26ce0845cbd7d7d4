package io.meshwork.products.orders;

import io.meshwork.core.DataProduct;
import io.meshwork.core.Meshwork;
import io.meshwork.core.ProductContext;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * commerce/orders: one flat, validated order record per {@code OrderPlaced} event, keyed by customer. Event time
 * is the event's {@code timestamp}.
 */
public final class OrdersProduct implements DataProduct {

    /** The order service's topic. */
    public static final String ORDERS_PLACED = "commerce.orders.placed";

    @Override
    public String name() {
        return "orders";
    }

    @Override
    public void topology(ProductContext ctx) {
        ctx.output(ctx.input(ORDERS_PLACED, OrderPlaced.class, OrdersProduct::eventTime).mapValues(Order::from));
    }

    static Instant eventTime(OrderPlaced event) {
        try {
            return event.timestamp() == null ? null : Instant.parse(event.timestamp());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    public static void main(String[] args) {
        Meshwork.run(new OrdersProduct());
    }
}
