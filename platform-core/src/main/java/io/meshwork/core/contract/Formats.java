package io.meshwork.core.contract;

import java.time.LocalDate;

/**
 * The {@code format}s contracts use, checked character by character for the compiled fast path: a regular expression
 * and a date parser per field of every record cost more than the rest of the validation. Conservative: a value these
 * accept is valid for the full validator too; anything unusual (a leap second, lower-case letters) is not accepted
 * here and goes to the full validator.
 */
final class Formats {

    private Formats() {
    }

    /** {@code 8-4-4-4-12} hexadecimal digits. */
    static boolean isUuid(String s) {
        if (s.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = s.charAt(i);
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            if (dash ? c != '-' : !isHex(c)) {
                return false;
            }
        }
        return true;
    }

    /** RFC 3339 {@code date-time}: {@code yyyy-MM-ddTHH:mm:ss[.fraction](Z|±HH:mm)}, every field in range. */
    static boolean isDateTime(String s) {
        int length = s.length();
        if (length < 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
                || s.charAt(16) != ':') {
            return false;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 28 && day > LocalDate.of(year, month, 1).lengthOfMonth()
                || !inRange(digits(s, 11, 2), 23) || !inRange(digits(s, 14, 2), 59) || !inRange(digits(s, 17, 2), 59)) {
            return false;
        }
        int at = 19;
        if (s.charAt(at) == '.') {
            int start = ++at;
            while (at < length && isDigit(s.charAt(at))) {
                at++;
            }
            if (at == start || at - start > 9) {
                return false;
            }
        }
        if (at == length - 1) {
            return s.charAt(at) == 'Z';
        }
        return at == length - 6 && (s.charAt(at) == '+' || s.charAt(at) == '-') && s.charAt(at + 3) == ':'
                && inRange(digits(s, at + 1, 2), 23) && inRange(digits(s, at + 4, 2), 59);
    }

    private static boolean inRange(int value, int max) {
        return value >= 0 && value <= max;
    }

    private static int digits(String s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isHex(char c) {
        return isDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }
}
