package io.meshwork.core;

import java.time.Instant;

/**
 * Where a record's event time comes from. Returning {@code null} (or throwing) falls back to the Kafka record's
 * timestamp, so one bad timestamp never stalls a partition; the contract check then decides about the record.
 *
 * @param <T> the input value type
 */
@FunctionalInterface
public interface EventTime<T> {

    /** The event time carried by {@code value}, or {@code null} if it has none. */
    Instant of(T value);
}
