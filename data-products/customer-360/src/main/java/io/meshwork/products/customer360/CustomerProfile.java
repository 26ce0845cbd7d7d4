package io.meshwork.products.customer360;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A customer's current profile: the value of the {@value Customer360#PROFILES} store and the record published on
 * {@code marketing.customer-360}. Absent values are left out of the JSON.
 *
 * @param customerId     the customer (a UUID); the record key
 * @param segment        segment at {@code asOf}
 * @param lifetimeValue  total of all orders so far, CHF
 * @param orderCount     orders so far
 * @param orderFrequency orders in the 365 days up to {@code asOf}
 * @param lastOrderAt    latest order's time, if any
 * @param lastActivity   latest event time of any order or CRM event of the customer
 * @param createdAt      creation in the CRM, once known
 * @param preferences    preferences from the CRM, once known
 * @param asOf           the time segment and frequency were evaluated at
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CustomerProfile(String customerId, Segment segment, BigDecimal lifetimeValue, int orderCount,
                              int orderFrequency, Instant lastOrderAt, Instant lastActivity, Instant createdAt,
                              Preferences preferences, Instant asOf) {

    /** A customer about to be seen for the first time. */
    static CustomerProfile first(String customerId) {
        return new CustomerProfile(customerId, Segment.STANDARD, BigDecimal.ZERO, 0, 0, null, null, null, null, null);
    }

    /** This profile with one more order of {@code amount} placed at {@code at} (possibly out of order). */
    CustomerProfile withOrder(BigDecimal amount, Instant at) {
        return new CustomerProfile(customerId, segment, lifetimeValue.add(amount), orderCount + 1, orderFrequency,
                latest(lastOrderAt, at), latest(lastActivity, at), createdAt, preferences, asOf);
    }

    /** This profile with what {@code event}, which happened at {@code at}, says about the customer. */
    CustomerProfile withCrm(CrmEvent event, Instant at) {
        Instant created = event.createdAt() != null ? event.createdAt()
                : createdAt == null && event.created() ? at : createdAt;
        Preferences prefs = event.preferences() != null ? event.preferences() : preferences;
        return new CustomerProfile(customerId, segment, lifetimeValue, orderCount, orderFrequency, lastOrderAt,
                latest(lastActivity, at), created, prefs, asOf);
    }

    /** This profile with segment and frequency evaluated at {@code now}, given the customer's recent orders. */
    CustomerProfile evaluatedAt(Instant now, OrderHistory recentOrders) {
        int frequency = recentOrders.within(now).count();
        return new CustomerProfile(customerId, Segmentation.of(lifetimeValue, frequency, lastOrderAt, createdAt, now),
                lifetimeValue, orderCount, frequency, lastOrderAt, lastActivity, createdAt, preferences, now);
    }

    private static Instant latest(Instant current, Instant candidate) {
        return current == null || candidate.isAfter(current) ? candidate : current;
    }
}
