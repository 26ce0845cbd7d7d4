package io.meshwork.products.customer360;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The article's customer segments. */
public enum Segment {
    PREMIUM, STANDARD, NEW, CHURNING;

    /** The contract's spelling: lower case. */
    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
