package io.meshwork.products.orders;

import io.meshwork.core.DataProduct;
import io.meshwork.core.EventTime;
import io.meshwork.core.ProductContext;
import io.meshwork.core.runtime.Meshwork;

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
        ctx.output(ctx.input(ORDERS_PLACED, OrderPlaced.class, EventTime.iso(OrderPlaced::timestamp)).mapValues(Order::from));
    }

    public static void main(String[] args) {
        Meshwork.run(new OrdersProduct());
    }
}
