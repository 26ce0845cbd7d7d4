package io.meshwork.products.customer360;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Event times carried as ISO-8601 text by the inputs. */
final class EventTimes {

    private EventTimes() {
    }

    /** The instant {@code text} says, or {@code null} when it is missing or unreadable (the record time is used). */
    static Instant parse(String text) {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
