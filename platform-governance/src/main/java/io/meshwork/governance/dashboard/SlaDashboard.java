package io.meshwork.governance.dashboard;

import io.meshwork.core.contract.Contract;
import io.meshwork.core.contract.Sla;
import io.meshwork.core.json.Json;
import io.meshwork.governance.alerts.SloAlertRules;
import java.math.BigDecimal;
import java.util.List;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The SREs' Grafana dashboard of the data products' SLAs, on the metrics of {@code docs/metrics.md}: a status table
 * (each product's freshness, quality and availability against its targets), freshness and end-to-end latency, input
 * lag, quality and record flow, and the availability and quality error-budget burn rates from the recording rules of
 * {@link SloAlertRules}.
 *
 * <p>The panels are per metric, filtered by the {@code domain} and {@code product} variables; the targets they compare
 * against come from {@code dataproduct_sla_target}, so a new product shows up without regenerating. What comes from
 * the contracts is the table of each product's promises (owner, topics, targets).
 */
public final class SlaDashboard {

    /** The dashboard's stable uid: links and bookmarks to it survive regeneration. */
    public static final String UID = "meshwork-sla";

    private static final String SELECTOR = "domain=~\"$domain\", product=~\"$product\"";
    private static final String BY = "by (domain, product)";
    private static final String PRODUCT = "{{domain}}/{{product}}";
    private static final String RATE = "[$__rate_interval]";
    /** Burn-rate windows shown: those of the alerts' page conditions. */
    private static final List<String> BURN_WINDOWS = List.of("5m", "1h", "6h");

    /** Indented as Grafana exports dashboards ({@code "key": value}, one array element a line): small diffs. */
    private static final DefaultPrettyPrinter GRAFANA_STYLE = new DefaultPrettyPrinter(
            Separators.createDefaultInstance().withObjectNameValueSpacing(Separators.Spacing.AFTER))
            .withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE);

    private SlaDashboard() {
    }

    /** The dashboard of {@link #of} as Grafana's JSON text, indented as Grafana exports it, ending in a newline. */
    public static String json(List<Contract> products, String datasourceUid) {
        return Json.mapper().writer().with(GRAFANA_STYLE).writeValueAsString(of(products, datasourceUid)) + "\n";
    }

    /**
     * The dashboard JSON (Grafana schema 39) for {@code products}.
     *
     * @param datasourceUid uid of the Prometheus data source the panels query
     */
    public static ObjectNode of(List<Contract> products, String datasourceUid) {
        GrafanaPanels panels = new GrafanaPanels(datasourceUid);
        status(panels, products);
        freshness(panels);
        quality(panels);
        availability(panels);
        ObjectNode dashboard = Json.mapper().createObjectNode();
        dashboard.put("uid", UID).put("title", "Meshwork data product SLAs")
                .put("description", "Generated from the contracts by `mesh generate dashboard`; do not edit: run it "
                        + "again. Metrics: docs/metrics.md.")
                .put("schemaVersion", 39).put("version", 1).put("editable", false).put("graphTooltip", 1)
                .put("refresh", "1m").put("timezone", "browser");
        dashboard.putArray("tags").add("meshwork").add("sla");
        dashboard.putObject("time").put("from", "now-6h").put("to", "now");
        annotations(dashboard.putObject("annotations").putArray("list"), panels);
        ArrayNode variables = dashboard.putObject("templating").putArray("list");
        variable(variables, panels, "domain", "label_values(dataproduct_info, domain)");
        variable(variables, panels, "product", "label_values(dataproduct_info{domain=~\"$domain\"}, product)");
        dashboard.set("panels", panels.panels());
        return dashboard;
    }

    private static void status(GrafanaPanels panels, List<Contract> products) {
        panels.row("SLA status");
        panels.table("SLA status", "Each product now: freshness of its freshest instance, quality over 5 minutes "
                        + "from the counters of all instances (recording rules of mesh generate alerts), "
                        + "availability over 30 days (share of minutes some "
                        + "instance was up), and its targets (dataproduct_sla_target).", 24, 8,
                column("Freshness", "s", "min " + BY + " (dataproduct_freshness_seconds{" + SELECTOR + "})"),
                column("Freshness target", "s", target("freshness_seconds")),
                column("Quality (5m)", "percentunit", "1 - " + SloAlertRules.QUALITY_RATIO + "5m{" + SELECTOR + "}"),
                column("Quality target", "percentunit", target("quality_score")),
                column("Availability (30d)", "percentunit",
                        "avg_over_time((max " + BY + " (dataproduct_up{" + SELECTOR + "}))[30d:1m])"),
                column("Availability target", "percentunit", target("availability")),
                column("Instances up", "short", "sum " + BY + " (dataproduct_up{" + SELECTOR + "})"));
        panels.text("Contracts", contractTable(products), 24, 3 + products.size());
    }

    private static void freshness(GrafanaPanels panels) {
        panels.row("Freshness and latency");
        ObjectNode freshness = panels.timeSeries("Freshness",
                "Now − the newest event time on the output topic (freshest instance), and the contract's target.",
                "s", 12,
                "min " + BY + " (dataproduct_freshness_seconds{" + SELECTOR + "})", PRODUCT,
                target("freshness_seconds"), PRODUCT + " target");
        GrafanaPanels.dashed(freshness, " target");
        String latency = "sum by (domain, product, le) (rate(dataproduct_end_to_end_latency_seconds_bucket{"
                + SELECTOR + "}" + RATE + "))";
        panels.timeSeries("End-to-end latency", "Per published record: publish time − event time.", "s", 12,
                "histogram_quantile(0.5, " + latency + ")", PRODUCT + " p50",
                "histogram_quantile(0.95, " + latency + ")", PRODUCT + " p95",
                "histogram_quantile(0.99, " + latency + ")", PRODUCT + " p99");
        panels.timeSeries("Input lag (records)", "Input records the product's consumer group has not processed "
                        + "(the whole group's, so max over instances).", "short", 12,
                "max by (domain, product, topic) (dataproduct_input_lag_records{" + SELECTOR + "})",
                PRODUCT + " ← {{topic}}");
        ObjectNode lagSeconds = panels.timeSeries("Input lag (age)", "Age of the oldest unprocessed input record; "
                        + "above the freshness target the product is falling behind.", "s", 12,
                "max by (domain, product, topic) (dataproduct_input_lag_seconds{" + SELECTOR + "})",
                PRODUCT + " ← {{topic}}",
                target("freshness_seconds"), PRODUCT + " freshness target");
        GrafanaPanels.dashed(lagSeconds, " target");
    }

    private static void quality(GrafanaPanels panels) {
        panels.row("Quality and record flow");
        ObjectNode quality = panels.timeSeries("Quality score", "valid / (valid + invalid) over 5 minutes (worst "
                        + "instance), and the contract's target.", "percentunit", 12,
                "min " + BY + " (dataproduct_quality_score{" + SELECTOR + "})", PRODUCT,
                target("quality_score"), PRODUCT + " target");
        GrafanaPanels.dashed(quality, " target");
        panels.timeSeries("Record flow", "Records per second read, published, and sent to the dead-letter topic "
                        + "by reason. in = out + dlq + records the domain logic filtered or aggregated away.",
                "short", 12,
                "sum " + BY + " (rate(dataproduct_records_in_total{" + SELECTOR + "}" + RATE + "))", PRODUCT + " in",
                "sum " + BY + " (rate(dataproduct_records_out_total{" + SELECTOR + "}" + RATE + "))", PRODUCT + " out",
                "sum by (domain, product, reason) (rate(dataproduct_records_dlq_total{" + SELECTOR + "}" + RATE
                        + "))", PRODUCT + " dlq {{reason}}");
    }

    private static void availability(GrafanaPanels panels) {
        panels.row("Availability and error budgets");
        panels.timeSeries("Instances up", "Instances whose Kafka Streams is RUNNING or REBALANCING.", "short", 8,
                "sum " + BY + " (dataproduct_up{" + SELECTOR + "})", PRODUCT);
        burnRate(panels, "Availability budget burn rate", SloAlertRules.AVAILABILITY_RATIO, "availability");
        burnRate(panels, "Quality budget burn rate", SloAlertRules.QUALITY_RATIO, "quality_score");
    }

    /** Error ratio / error budget over the alerts' windows; 1 spends the 30-day budget in exactly 30 days. */
    private static void burnRate(GrafanaPanels panels, String title, String ratio, String sla) {
        String[] queries = new String[BURN_WINDOWS.size() * 2];
        for (int i = 0; i < BURN_WINDOWS.size(); i++) {
            queries[2 * i] = ratio + BURN_WINDOWS.get(i) + "{" + SELECTOR + "}\n/ on(domain, product) (1 - "
                    + target(sla) + ")";
            queries[2 * i + 1] = PRODUCT + " " + BURN_WINDOWS.get(i);
        }
        ObjectNode panel = panels.timeSeries(title, "How many times faster than sustainable the error budget "
                + "(1 − target) burns, from the recording rules of mesh generate alerts. The page alert fires at "
                + "14.4× over 1h and 5m, or 6× over 6h and 30m.", "suffix:×", 8, queries);
        GrafanaPanels.thresholds(panel, "green", "yellow", 1.0, "orange", 6.0, "red", 14.4);
    }

    private static void annotations(ArrayNode list, GrafanaPanels panels) {
        ObjectNode alerts = list.addObject();
        alerts.put("name", "SLO alerts").put("enable", true).put("iconColor", "red")
                .put("expr", "ALERTS{alertname=~\"DataProduct.*\", alertstate=\"firing\", " + SELECTOR + "}")
                .put("step", "1m").put("titleFormat", "{{alertname}}").put("textFormat", PRODUCT + " ({{severity}})")
                .put("useValueForTime", false);
        alerts.set("datasource", panels.datasource());
    }

    private static void variable(ArrayNode variables, GrafanaPanels panels, String name, String query) {
        ObjectNode variable = variables.addObject();
        variable.put("name", name).put("label", name).put("type", "query").put("definition", query)
                .put("refresh", 2).put("sort", 1).put("multi", true).put("includeAll", true).put("allValue", ".*");
        variable.set("datasource", panels.datasource());
        variable.putObject("query").put("query", query).put("refId", "PrometheusVariableQueryEditor-VariableQuery");
        variable.putObject("current").put("text", "All").put("value", "$__all");
    }

    private static String contractTable(List<Contract> products) {
        StringBuilder md = new StringBuilder("| product | owner | output | dead letters | freshness | availability "
                + "| quality score |\n|---|---|---|---|---|---|---|\n");
        for (Contract product : products) {
            Sla sla = product.sla();
            md.append("| ").append(product.identity().qualifiedName()).append(" | ")
                    .append(product.identity().owner()).append(" | ").append(product.outputTopic()).append(" | ")
                    .append(product.ports().deadLetter()).append(" | ")
                    .append(sla.freshness().map(Object::toString).orElse("—")).append(" | ")
                    .append(sla.availability().map(SlaDashboard::percent).orElse("—")).append(" | ")
                    .append(sla.qualityScore().map(String::valueOf).orElse("—")).append(" |\n");
        }
        return md.toString();
    }

    private static String target(String sla) {
        return "max " + BY + " (dataproduct_sla_target{" + SELECTOR + ", sla=\"" + sla + "\"})";
    }

    private static String[] column(String title, String unit, String expr) {
        return new String[] {title, unit, expr};
    }

    private static String percent(double ratio) {
        return BigDecimal.valueOf(ratio).movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }
}
