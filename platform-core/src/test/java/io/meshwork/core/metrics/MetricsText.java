package io.meshwork.core.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads samples out of a Prometheus text exposition, as a scraper would. */
final class MetricsText {

    private static final Pattern SAMPLE = Pattern.compile("(?m)^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{([^}]*)\\})? (\\S+)$");

    private final String text;

    MetricsText(String text) {
        this.text = text;
    }

    /** The value of the one sample of {@code name} whose labels include every one of {@code labels}. */
    double value(String name, String... labels) {
        List<Double> values = values(name, labels);
        if (values.size() != 1) {
            throw new AssertionError(values.size() + " samples of " + name + List.of(labels) + " in:\n" + text);
        }
        return values.get(0);
    }

    /** Whether some sample's name starts with {@code prefix}. */
    boolean hasPrefix(String prefix) {
        Matcher m = SAMPLE.matcher(text);
        while (m.find()) {
            if (m.group(1).startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private List<Double> values(String name, String... labels) {
        List<Double> values = new ArrayList<>();
        Matcher m = SAMPLE.matcher(text);
        while (m.find()) {
            String sampleLabels = m.group(2) == null ? "" : m.group(2);
            if (m.group(1).equals(name) && List.of(labels).stream().allMatch(sampleLabels::contains)) {
                values.add(Double.parseDouble(m.group(3)));
            }
        }
        return values;
    }
}
