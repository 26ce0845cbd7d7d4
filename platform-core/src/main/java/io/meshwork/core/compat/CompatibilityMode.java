package io.meshwork.core.compat;

import java.util.Locale;

/**
 * Which readers a schema change must not break, in the Schema Registry sense.
 *
 * <ul>
 *   <li>{@link #BACKWARD}: the new schema accepts every record the old one did, so consumers upgraded to the new
 *       contract still read everything already on the topic. Narrowing breaks it (a property removed from a closed
 *       model, a type narrowed, a new required property, an enum value removed, bounds tightened, a format added).
 *   <li>{@link #FORWARD}: the old schema accepts every record the new one produces, so consumers still on the old
 *       contract read new records. Widening breaks it.
 *   <li>{@link #FULL}: both.
 * </ul>
 */
public enum CompatibilityMode {
    BACKWARD, FORWARD, FULL;

    /** {@code backward}, {@code forward} or {@code full}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
