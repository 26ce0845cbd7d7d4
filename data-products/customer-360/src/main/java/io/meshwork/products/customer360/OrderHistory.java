package io.meshwork.products.customer360;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * When a customer's recent orders were placed: enough to count the order frequency at any later time. Kept in the
 * {@value Customer360#ORDER_HISTORY} store, pruned to the {@link Segmentation#FREQUENCY_WINDOW}.
 *
 * @param placedAt order times, oldest first
 */
public record OrderHistory(List<Instant> placedAt) {

    public OrderHistory {
        placedAt = List.copyOf(placedAt);
    }

    /** A customer without orders. */
    static OrderHistory none() {
        return new OrderHistory(List.of());
    }

    /** This history with one more order. */
    OrderHistory with(Instant order) {
        List<Instant> all = new ArrayList<>(placedAt);
        int at = 0;
        while (at < all.size() && !all.get(at).isAfter(order)) {
            at++;
        }
        all.add(at, order);
        return new OrderHistory(all);
    }

    /** The orders of the frequency window before {@code now}: placed after {@code now - 365 days}. */
    OrderHistory within(Instant now) {
        Instant since = now.minus(Segmentation.FREQUENCY_WINDOW);
        return new OrderHistory(placedAt.stream().filter(t -> t.isAfter(since)).toList());
    }

    /** Orders in this history. */
    int count() {
        return placedAt.size();
    }
}
