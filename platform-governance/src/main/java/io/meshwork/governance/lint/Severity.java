package io.meshwork.governance.lint;

import java.util.Locale;

/** How a broken policy is reported: an error fails {@code mesh lint}, a warning is only shown. */
public enum Severity {
    ERROR, WARNING, OFF;

    /** {@code error}, {@code warning} or {@code off}, as written in {@code policies.yaml}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
