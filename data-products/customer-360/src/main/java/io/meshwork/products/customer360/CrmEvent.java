package io.meshwork.products.customer360;

import io.meshwork.core.EventTime;
import java.time.Instant;

/**
 * A customer created or updated in the CRM, as published on {@code crm.customers} keyed by customer id. An update
 * carries the fields that changed; absent fields keep their value.
 *
 * @param eventId     unique event id
 * @param eventType   {@value #CREATED} or {@value #UPDATED}
 * @param customerId  the customer (a UUID)
 * @param timestamp   when it happened (ISO-8601): the event time
 * @param createdAt   when the customer was created; a created event without it was created at {@code timestamp}
 * @param name        optional; not published
 * @param email       optional; not published
 * @param preferences communication preferences, replaced as a whole when present
 */
public record CrmEvent(String eventId, String eventType, String customerId, String timestamp, Instant createdAt,
                       String name, String email, Preferences preferences) {

    /** A customer was created. */
    public static final String CREATED = "CUSTOMER_CREATED";
    /** A customer's data changed. */
    public static final String UPDATED = "CUSTOMER_UPDATED";

    /** The event time, or {@code null} when the timestamp is missing or unreadable (the record time is used). */
    Instant at() {
        return EventTime.parseIso(timestamp);
    }

    boolean created() {
        return CREATED.equals(eventType);
    }
}
