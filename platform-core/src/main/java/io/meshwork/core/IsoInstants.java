package io.meshwork.core;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Reads the ISO-8601 instants events carry ({@code 2026-12-01T21:38:57.123Z}) without the general-purpose
 * {@code DateTimeFormatter}, which costs about as much per record as reading the whole event. Anything but that exact
 * UTC form, or a field out of range, is left to {@link Instant#parse}, so the result is always the same as its.
 */
final class IsoInstants {

    private static final long SECONDS_PER_DAY = 86_400;

    private IsoInstants() {
    }

    /** {@code text} as an instant: fast for {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z}, else {@link Instant#parse}. */
    static Instant parse(String text) {
        Instant fast = fastUtc(text);
        return fast != null ? fast : Instant.parse(text);
    }

    private static Instant fastUtc(String s) {
        int length = s.length();
        if (length < 20 || s.charAt(length - 1) != 'Z' || s.charAt(4) != '-' || s.charAt(7) != '-'
                || s.charAt(10) != 'T' || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 28 && day > LocalDate.of(year, month, 1).lengthOfMonth()
                || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        int nanos = 0;
        if (length > 20) {
            int fraction = length - 21;
            if (s.charAt(19) != '.' || fraction < 1 || fraction > 9) {
                return null;
            }
            nanos = digits(s, 20, fraction);
            if (nanos < 0) {
                return null;
            }
            for (int i = fraction; i < 9; i++) {
                nanos *= 10;
            }
        }
        long days = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(days * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second, nanos);
    }

    /** The decimal number of {@code count} digits at {@code from}, or -1 when one is not a digit. */
    private static int digits(String s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
