package io.meshwork.core.metrics;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One SLA of the contract against its live measurement.
 *
 * @param sla      {@code freshness_seconds}, {@code availability} or {@code quality_score}, as the {@code sla}
 *                 label of {@code dataproduct_sla_target}
 * @param target   the contract's target, in seconds for freshness and as a ratio for the others
 * @param measured the measured value in the same unit; NaN when there is nothing to measure yet
 * @param window   what the measurement covers, e.g. {@code PT5M} or {@code since 2026-01-01T10:00:00Z}
 * @param verdict  met, breached or unknown (nothing measured yet)
 */
public record SlaStatus(String sla, double target, double measured, String window, Verdict verdict) {

    /** Whether an SLA holds. */
    public enum Verdict {
        MET, BREACHED, UNKNOWN;

        /** Lower-case label, as in the {@code /product} manifest. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** This status as a JSON-ready map: {@code sla}, {@code target}, {@code measured} (null when NaN), {@code window}, {@code status}. */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("sla", sla);
        json.put("target", target);
        json.put("measured", Double.isNaN(measured) ? null : measured);
        json.put("window", window);
        json.put("status", verdict.label());
        return json;
    }

    /** A status whose measurement must stay at or below {@code target}. */
    static SlaStatus atMost(String sla, double target, double measured, String window) {
        return new SlaStatus(sla, target, measured, window,
                Double.isNaN(measured) ? Verdict.UNKNOWN : measured <= target ? Verdict.MET : Verdict.BREACHED);
    }

    /** A status whose measurement must stay at or above {@code target}. */
    static SlaStatus atLeast(String sla, double target, double measured, String window) {
        return new SlaStatus(sla, target, measured, window,
                Double.isNaN(measured) ? Verdict.UNKNOWN : measured >= target ? Verdict.MET : Verdict.BREACHED);
    }
}
