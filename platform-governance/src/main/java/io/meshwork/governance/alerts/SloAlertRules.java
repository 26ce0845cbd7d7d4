package io.meshwork.governance.alerts;

import io.meshwork.core.contract.Contract;
import io.meshwork.core.contract.Sla;
import io.meshwork.core.json.Json;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Prometheus rules file alerting on the SLAs of the contracts (the metrics of {@code docs/metrics.md}).
 *
 * <p>Availability and quality get multi-window, multi-burn-rate alerts (Google SRE workbook, chapter 5): the error
 * budget is {@code 1 − target}, and an alert fires when the error ratio burns it {@code N} times too fast over a
 * long and a short window at once. {@code page}: 14.4× over 1h and 5m, or 6× over 6h and 30m; {@code ticket}: 3× over
 * 1d and 2h, or 1× over 3d and 6h. Freshness pages when the freshest instance is older than the target for 5 minutes;
 * a product with an SLA that exports nothing at all pages after 5 minutes.
 *
 * <p>The error ratios are recording rules shared by every product; the alerts, one group per product, carry the
 * contract's thresholds and the labels {@code severity}, {@code product}, {@code domain} and {@code owner}.
 */
public final class SloAlertRules {

    /** Recorded error ratios (+ window, e.g. {@code 1h}): share of records sent to the dead-letter topic. */
    public static final String QUALITY_RATIO = "dataproduct_slo:quality_errors:ratio_rate";
    /** Recorded error ratios (suffixed with their window): share of time no instance was up. */
    public static final String AVAILABILITY_RATIO = "dataproduct_slo:availability_errors:ratio_avg";

    private static final List<String> WINDOWS = List.of("5m", "30m", "1h", "2h", "6h", "1d", "3d");
    private static final String BY = "by (domain, product)";

    /** One burn-rate condition: the error ratio above {@code factor × budget} over both windows. */
    private record Burn(String factor, String longWindow, String shortWindow) {
    }

    private static final List<Burn> PAGE = List.of(new Burn("14.4", "1h", "5m"), new Burn("6", "6h", "30m"));
    private static final List<Burn> TICKET = List.of(new Burn("3", "1d", "2h"), new Burn("1", "3d", "6h"));

    /** Alert names; each has a section (anchor = the name in lower case) in the runbook. */
    public enum Alert {
        DataProductAvailabilityBudgetBurnFast, DataProductAvailabilityBudgetBurnSlow,
        DataProductQualityBudgetBurnFast, DataProductQualityBudgetBurnSlow,
        DataProductFreshnessBreached, DataProductAbsent;

        /** The Markdown anchor of its runbook section. */
        public String anchor() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final String runbook;

    private SloAlertRules(String runbook) {
        this.runbook = runbook;
    }

    /**
     * The rules file (a {@code groups} document) for {@code products}; products without an {@code sla} block get no
     * alerts.
     *
     * @param runbook the runbook's address; each alert's {@code runbook_url} is {@code runbook#<alert in lower case>}
     */
    public static ObjectNode of(List<Contract> products, String runbook) {
        return new SloAlertRules(runbook).rules(products);
    }

    private ObjectNode rules(List<Contract> products) {
        ObjectNode root = Json.mapper().createObjectNode();
        ArrayNode groups = root.putArray("groups");
        ArrayNode recorded = group(groups, "meshwork-slo-error-ratios");
        for (String window : WINDOWS) {
            recorded.addObject().put("record", QUALITY_RATIO + window).put("expr",
                    "sum " + BY + " (rate(dataproduct_records_dlq_total[" + window + "]))\n/\n"
                            + "(sum " + BY + " (rate(dataproduct_records_out_total[" + window + "]))\n"
                            + " + sum " + BY + " (rate(dataproduct_records_dlq_total[" + window + "])))\n");
        }
        for (String window : WINDOWS) {
            recorded.addObject().put("record", AVAILABILITY_RATIO + window)
                    .put("expr", "1 - max " + BY + " (avg_over_time(dataproduct_up[" + window + "]))");
        }
        for (Contract product : products) {
            Sla sla = product.sla();
            if (sla.freshness().isEmpty() && sla.availability().isEmpty() && sla.qualityScore().isEmpty()) {
                continue;
            }
            ArrayNode alerts = group(groups, "meshwork-slo-" + product.domain() + "-" + product.name());
            sla.availability().ifPresent(target -> {
                BigDecimal budget = BigDecimal.ONE.subtract(BigDecimal.valueOf(target));
                String what = "was down (no instance RUNNING)";
                burn(alerts, product, Alert.DataProductAvailabilityBudgetBurnFast, "page", AVAILABILITY_RATIO, PAGE,
                        budget, percent(target) + " availability", what);
                burn(alerts, product, Alert.DataProductAvailabilityBudgetBurnSlow, "ticket", AVAILABILITY_RATIO, TICKET,
                        budget, percent(target) + " availability", what);
            });
            sla.qualityScore().ifPresent(target -> {
                BigDecimal budget = BigDecimal.ONE.subtract(BigDecimal.valueOf(target));
                String what = "sent records to its dead-letter topic " + product.ports().deadLetter();
                burn(alerts, product, Alert.DataProductQualityBudgetBurnFast, "page", QUALITY_RATIO, PAGE,
                        budget, target + " quality score", what);
                burn(alerts, product, Alert.DataProductQualityBudgetBurnSlow, "ticket", QUALITY_RATIO, TICKET,
                        budget, target + " quality score", what);
            });
            sla.freshness().ifPresent(target -> alert(alerts, product, Alert.DataProductFreshnessBreached, "page",
                    "min " + BY + " (dataproduct_freshness_seconds" + selector(product) + ") > " + target.toSeconds(),
                    "5m", qualified(product) + " is staler than its freshness SLA",
                    "The newest record on " + product.outputTopic() + " is more than " + target.toSeconds()
                            + " seconds old (contract freshness " + target + ") and has been for 5 minutes."));
            alert(alerts, product, Alert.DataProductAbsent, "page", "absent(dataproduct_up" + selector(product) + ")",
                    "5m", qualified(product) + " exports no metrics",
                    "No instance of " + qualified(product) + " has been scraped for 5 minutes: it is not running, "
                            + "or Prometheus cannot reach it. Its SLAs cannot be measured.");
        }
        return root;
    }

    private void burn(ArrayNode alerts, Contract product, Alert alert, String severity, String ratio,
                      List<Burn> burns, BigDecimal budget, String slo, String what) {
        StringBuilder expr = new StringBuilder();
        StringBuilder windows = new StringBuilder();
        for (Burn burn : burns) {
            String threshold = "(" + burn.factor() + " * " + budget.toPlainString() + ")";
            if (!expr.isEmpty()) {
                expr.append("\nor\n");
                windows.append(", or ");
            }
            expr.append("(").append(ratio).append(burn.longWindow()).append(selector(product)).append(" > ")
                    .append(threshold).append("\nand\n").append(ratio).append(burn.shortWindow())
                    .append(selector(product)).append(" > ").append(threshold).append(")");
            windows.append(burn.factor()).append("× over ").append(burn.longWindow()).append(" and ")
                    .append(burn.shortWindow());
        }
        alert(alerts, product, alert, severity, expr + "\n", null,
                qualified(product) + " is burning the error budget of its " + slo + " SLA",
                qualified(product) + " " + what + " faster than its error budget of " + budget.toPlainString()
                        + " allows: " + windows + ". At " + burns.get(0).factor() + "× the whole 30-day budget lasts "
                        + budgetDays(burns.get(0).factor()) + ".");
    }

    private void alert(ArrayNode alerts, Contract product, Alert alert, String severity, String expr, String forDuration,
                       String summary, String description) {
        ObjectNode rule = alerts.addObject();
        rule.put("alert", alert.name()).put("expr", expr);
        if (forDuration != null) {
            rule.put("for", forDuration);
        }
        rule.putObject("labels").put("severity", severity).put("product", product.name())
                .put("domain", product.domain()).put("owner", product.identity().owner());
        rule.putObject("annotations").put("summary", summary).put("description", description)
                .put("runbook_url", runbook + "#" + alert.anchor());
    }

    private static ArrayNode group(ArrayNode groups, String name) {
        ObjectNode group = groups.addObject();
        group.put("name", name);
        return group.putArray("rules");
    }

    private static String selector(Contract product) {
        return "{domain=\"" + product.domain() + "\", product=\"" + product.name() + "\"}";
    }

    private static String qualified(Contract product) {
        return product.identity().qualifiedName();
    }

    private static String percent(double ratio) {
        return BigDecimal.valueOf(ratio).movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }

    /** How long a 30-day budget lasts at {@code factor} times the sustainable rate, e.g. 14.4 → "2 days". */
    private static String budgetDays(String factor) {
        BigDecimal hours = BigDecimal.valueOf(30 * 24).divide(new BigDecimal(factor), 0, java.math.RoundingMode.HALF_UP);
        return hours.intValue() % 24 == 0 ? hours.intValue() / 24 + " days" : hours + " hours";
    }
}
