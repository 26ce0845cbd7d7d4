package io.meshwork.core;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

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

    /** Event time from an ISO-8601 text field of the value, e.g. {@code EventTime.iso(OrderPlaced::timestamp)}. */
    static <T> EventTime<T> iso(Function<? super T, String> field) {
        return value -> parseIso(field.apply(value));
    }

    /** The instant {@code text} says (ISO-8601), or {@code null} when it is missing or unreadable. */
    static Instant parseIso(String text) {
        try {
            return text == null ? null : IsoInstants.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
