package io.meshwork.products.alerts;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What the alerts read of a realtime-revenue window update on {@code analytics.realtime-revenue}.
 *
 * @param region       sales region
 * @param windowStart  window start, inclusive
 * @param windowEnd    window end, exclusive
 * @param totalRevenue the window's revenue so far
 * @param orderCount   the window's orders so far
 */
public record RevenueWindow(String region, Instant windowStart, Instant windowEnd, BigDecimal totalRevenue,
                            long orderCount) {
}
