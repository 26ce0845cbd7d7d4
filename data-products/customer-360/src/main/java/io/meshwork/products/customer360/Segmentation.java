package io.meshwork.products.customer360;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;

/**
 * The article's segmentation, rule for rule and in its {@code CASE} order: the first rule that holds wins.
 *
 * <pre>
 * WHEN total_revenue &gt; 10000 AND order_frequency &gt; 12            THEN 'premium'
 * WHEN days_since_last_order &gt; 180                                 THEN 'churning'
 * WHEN created_at &gt; DATEADD(month, -6, CURRENT_DATE)                THEN 'new'
 * ELSE 'standard'
 * </pre>
 *
 * "Now" is given by the caller (see {@link ProfileUpdater}); every comparison is strict, as in the SQL. A customer
 * with no order is never churning and one the CRM has not reported is never new (SQL's {@code NULL} comparisons).
 */
public final class Segmentation {

    /** Premium needs a lifetime value above this (CHF). */
    public static final BigDecimal PREMIUM_REVENUE = BigDecimal.valueOf(10_000);
    /** Premium needs more orders than this in the last {@link #FREQUENCY_WINDOW}. */
    public static final int PREMIUM_ORDERS = 12;
    /** The order frequency counts the orders of this long before now. */
    public static final Duration FREQUENCY_WINDOW = Duration.ofDays(365);
    /** Churning after more than this without an order. */
    public static final Duration CHURN_AFTER = Duration.ofDays(180);
    /** New while created less than this long ago (calendar months, UTC). */
    public static final Period NEW_FOR = Period.ofMonths(6);

    private Segmentation() {
    }

    /**
     * The segment at {@code now}.
     *
     * @param lifetimeValue  total revenue of the customer
     * @param orderFrequency orders in the {@link #FREQUENCY_WINDOW} before now
     * @param lastOrderAt    latest order, {@code null} if none
     * @param createdAt      creation in the CRM, {@code null} if unknown
     */
    public static Segment of(BigDecimal lifetimeValue, int orderFrequency, Instant lastOrderAt, Instant createdAt, Instant now) {
        if (lifetimeValue.compareTo(PREMIUM_REVENUE) > 0 && orderFrequency > PREMIUM_ORDERS) {
            return Segment.PREMIUM;
        }
        if (lastOrderAt != null && Duration.between(lastOrderAt, now).compareTo(CHURN_AFTER) > 0) {
            return Segment.CHURNING;
        }
        if (createdAt != null && createdAt.isAfter(now.atOffset(ZoneOffset.UTC).minus(NEW_FOR).toInstant())) {
            return Segment.NEW;
        }
        return Segment.STANDARD;
    }
}
