package io.meshwork.products.revenue;

import java.math.BigDecimal;
import java.time.Instant;
import org.apache.kafka.streams.kstream.Windowed;

/**
 * One window update, as published on {@code analytics.realtime-revenue}.
 *
 * @param region            sales region; the record key
 * @param windowStart       window start, inclusive
 * @param windowEnd         window end, exclusive
 * @param totalRevenue      revenue of the window's orders so far
 * @param orderCount        orders in the window so far
 * @param averageOrderValue {@code totalRevenue / orderCount}, rounded half-up to cents
 */
public record RegionRevenue(String region, Instant windowStart, Instant windowEnd, BigDecimal totalRevenue,
                            long orderCount, BigDecimal averageOrderValue) {

    /** The published form of a window's totals. */
    static RegionRevenue of(Windowed<String> window, RevenueTotals totals) {
        return new RegionRevenue(window.key(), window.window().startTime(), window.window().endTime(),
                totals.totalRevenue(), totals.orderCount(), totals.averageOrderValue());
    }
}
