package io.meshwork.core.query;

import io.meshwork.core.http.ProblemException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Optional;

/**
 * The window start times a window fetch covers, both ends inclusive. Each end is an ISO-8601 instant
 * ({@code 2025-01-31T12:00:00Z}, offsets allowed) or epoch milliseconds; an open end covers every retained window.
 *
 * @param from earliest window start
 * @param to   latest window start
 */
record TimeRange(Instant from, Instant to) {

    static final Instant EARLIEST = Instant.EPOCH;
    static final Instant LATEST = Instant.ofEpochMilli(Long.MAX_VALUE);

    /**
     * Reads {@code from} and {@code to}.
     *
     * @throws ProblemException 400 if either is not a time, or from is after to
     */
    static TimeRange parse(Optional<String> from, Optional<String> to) {
        TimeRange range = new TimeRange(from.map(t -> instant("from", t)).orElse(EARLIEST),
                to.map(t -> instant("to", t)).orElse(LATEST));
        if (range.from.isAfter(range.to)) {
            throw ProblemException.badRequest("from " + range.from + " is after to " + range.to);
        }
        return range;
    }

    private static Instant instant(String name, String text) {
        try {
            Instant instant = text.matches("-?\\d{1,19}") ? Instant.ofEpochMilli(Long.parseLong(text)) : Instant.parse(text);
            if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
                throw new DateTimeException("out of range");
            }
            return instant;
        } catch (DateTimeException | NumberFormatException e) {
            throw ProblemException.badRequest(name + " '" + text + "' is neither an ISO-8601 instant "
                    + "(2025-01-31T12:00:00Z; write + as %2B in URLs) nor epoch milliseconds in "
                    + EARLIEST.toEpochMilli() + ".." + Long.MAX_VALUE);
        }
    }
}
