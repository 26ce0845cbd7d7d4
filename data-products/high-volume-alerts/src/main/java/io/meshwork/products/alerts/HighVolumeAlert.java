package io.meshwork.products.alerts;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A window whose order count exceeded the threshold, as published on {@code analytics.high-volume-alerts}.
 *
 * @param alertId      {@code high-volume/<region>/<windowStart>}: the same for every alert about one window
 * @param alertType    always {@value #TYPE}
 * @param region       sales region; the record key
 * @param windowStart  window start, inclusive
 * @param windowEnd    window end, exclusive
 * @param orderCount   the window's order count when it crossed the threshold
 * @param threshold    the threshold it crossed ({@code orderCount > threshold})
 * @param totalRevenue the window's revenue at that moment
 */
public record HighVolumeAlert(String alertId, String alertType, String region, Instant windowStart, Instant windowEnd,
                              long orderCount, long threshold, BigDecimal totalRevenue) {

    /** The alert type of every high-volume alert. */
    public static final String TYPE = "HIGH_VOLUME";

    /** The alert raised by {@code window} crossing {@code threshold}. */
    static HighVolumeAlert of(RevenueWindow window, long threshold) {
        return new HighVolumeAlert("high-volume/" + window.region() + "/" + window.windowStart(), TYPE, window.region(),
                window.windowStart(), window.windowEnd(), window.orderCount(), threshold, window.totalRevenue());
    }
}
