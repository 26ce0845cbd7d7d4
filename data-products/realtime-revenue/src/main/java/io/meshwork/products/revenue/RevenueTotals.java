package io.meshwork.products.revenue;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One window's running totals: the value of the {@code revenue-by-region} window store.
 *
 * @param totalRevenue      sum of the order totals
 * @param orderCount        orders counted
 * @param averageOrderValue {@code totalRevenue / orderCount}, rounded half-up to cents; 0 before the first order
 */
public record RevenueTotals(BigDecimal totalRevenue, long orderCount, BigDecimal averageOrderValue) {

    /** Totals of a window with no orders yet. */
    public static RevenueTotals none() {
        return new RevenueTotals(BigDecimal.ZERO, 0, BigDecimal.ZERO);
    }

    /** These totals with one more order of {@code amount}. */
    public RevenueTotals add(BigDecimal amount) {
        BigDecimal total = totalRevenue.add(amount);
        long count = orderCount + 1;
        return new RevenueTotals(total, count, total.divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP));
    }
}
