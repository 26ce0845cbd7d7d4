package io.meshwork.cli.generate;

import static io.meshwork.cli.contracts.CommandRun.mesh;
import static org.assertj.core.api.Assertions.assertThat;

import io.meshwork.cli.contracts.CommandRun;
import io.meshwork.cli.contracts.TestContracts;
import io.meshwork.core.json.Json;
import io.meshwork.governance.alerts.SloAlertRules;
import io.meshwork.governance.dashboard.SlaDashboard;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

class GenerateDashboardCommandTest {

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Path COMMITTED = Path.of("../deploy/observability/grafana/dashboards/meshwork-sla.json");
    private static final Pattern DOCUMENTED_METRIC = Pattern.compile("(?m)^\\| `(dataproduct_[a-z_]+)` \\| (\\w+) \\|");
    private static final Set<String> PROMQL_KEYWORDS = Set.of("by", "on", "ignoring", "without", "group_left",
            "group_right", "bool", "and", "or", "unless", "offset");

    @TempDir
    Path dir;

    @Test
    void theCommittedDashboardIsUpToDateWithTheRepositorysContracts() {
        CommandRun run = mesh("generate", "dashboard", "--check", "--contracts", "../contracts", "--out",
                COMMITTED.toString());

        assertThat(run.exit()).as(run.err()).isZero();
    }

    @Test
    void dashboardHasAStableUidAndDomainAndProductVariablesFromDataproductInfo() throws IOException {
        JsonNode dashboard = generate();

        assertThat(dashboard.get("uid").asString()).isEqualTo("meshwork-sla");
        assertThat(dashboard.get("schemaVersion").asInt()).isEqualTo(39);
        JsonNode variables = dashboard.get("templating").get("list");
        assertThat(variables.findValuesAsString("name")).containsExactly("domain", "product");
        assertThat(variables.get(0).get("query").get("query").asString())
                .isEqualTo("label_values(dataproduct_info, domain)");
        assertThat(variables.get(1).get("query").get("query").asString())
                .isEqualTo("label_values(dataproduct_info{domain=~\"$domain\"}, product)");
    }

    @Test
    void theContractsPanelListsEveryProductsTargets() throws IOException {
        JsonNode contracts = panel(generate(), "Contracts");

        assertThat(contracts.get("options").get("content").asString()).contains(
                "| shop/widgets | shop-team | shop.widgets | shop.widgets.dlq | PT5M | 99.9% | 0.95 |",
                "| shop/widget-stats | shop-team | shop.widget-stats | shop.widget-stats.dlq | PT1H | 99.5% | 0.9 |");
    }

    @Test
    void everyPanelHasTheRowsOfTheSreConcerns() throws IOException {
        List<String> titles = generate().get("panels").findValuesAsString("title");

        assertThat(titles).contains("SLA status", "Freshness", "End-to-end latency", "Input lag (records)",
                "Input lag (age)", "Quality score", "Record flow", "Instances up", "Availability budget burn rate",
                "Quality budget burn rate");
        assertThat(panel(generate(), "SLA status").get("targets").findValuesAsString("expr")).contains(
                "max by (domain, product) (dataproduct_sla_target{domain=~\"$domain\", product=~\"$product\", "
                        + "sla=\"freshness_seconds\"})");
    }

    @Test
    void everyQueryUsesOnlyMetricsTheProductsExportOrTheAlertRulesRecord() throws IOException {
        Set<String> known = documentedMetrics();
        known.addAll(SloAlertRules.of(List.of(), "runbook").findValuesAsString("record"));
        known.add("ALERTS"); // Prometheus' own series of the alerts' states

        Set<String> used = new TreeSet<>();
        for (String expr : queries(generate())) {
            used.addAll(metricNames(expr));
        }

        assertThat(known).containsAll(used);
        assertThat(used).contains("dataproduct_freshness_seconds", "dataproduct_sla_target",
                "dataproduct_end_to_end_latency_seconds_bucket", "dataproduct_input_lag_records",
                "dataproduct_input_lag_seconds", "dataproduct_quality_score", "dataproduct_records_in_total",
                "dataproduct_records_out_total", "dataproduct_records_dlq_total", "dataproduct_up",
                "dataproduct_info", "dataproduct_slo:availability_errors:ratio_avg1h",
                "dataproduct_slo:quality_errors:ratio_rate5m");
    }

    @Test
    void everyQueryIsValidPromqlForPromtool() throws IOException {
        List<String> exprs = queries(generate()).stream().filter(e -> !e.startsWith("label_values(")).toList();
        ObjectNode rules = Json.mapper().createObjectNode();
        ObjectNode group = rules.putArray("groups").addObject().put("name", "dashboard-queries");
        ArrayNode recorded = group.putArray("rules");
        for (int i = 0; i < exprs.size(); i++) {
            recorded.addObject().put("record", "dashboard:query" + i).put("expr", exprs.get(i)
                    .replace("$domain", ".*").replace("$product", ".*").replace("$__rate_interval", "5m"));
        }
        Path file = dir.resolve("dashboard.rules.yaml");
        YAML.writeValue(file.toFile(), rules);

        Promtool check = Promtool.run(dir, "check", "rules", file.getFileName().toString());

        assertThat(check.exit()).as(check.output()).isZero();
        assertThat(check.output()).contains("SUCCESS: " + exprs.size() + " rules found");
        assertThat(exprs).hasSizeGreaterThan(20);
    }

    @Test
    void panelsQueryTheProvisionedDataSourceAndGrafanaLoadsTheDashboardFolder() throws IOException {
        JsonNode datasources = YAML.readTree(
                Path.of("../deploy/observability/grafana/provisioning/datasources/prometheus.yaml").toFile());
        JsonNode provider = YAML.readTree(
                Path.of("../deploy/observability/grafana/provisioning/dashboards/meshwork.yaml").toFile())
                .get("providers").get(0);
        JsonNode grafana = YAML.readTree(Path.of("../docker-compose.yml").toFile()).get("services").get("grafana");
        JsonNode committed = Json.mapper().readTree(COMMITTED.toFile());

        String uid = datasources.get("datasources").get(0).get("uid").asString();
        assertThat(committed.findValuesAsString("uid")).containsOnly(SlaDashboard.UID, uid);
        assertThat(committed.get("panels").findValues("datasource")).isNotEmpty()
                .allSatisfy(ds -> assertThat(ds.get("uid").asString()).isEqualTo(uid));
        assertThat(grafana.get("volumes").valueStream().map(JsonNode::asString)).contains(
                "./deploy/observability/grafana/dashboards:" + provider.get("options").get("path").asString() + ":ro");
    }

    @Test
    void checkFailsWhenTheDashboardIsOutOfDate() throws IOException {
        generate();
        Path file = dir.resolve("sla.json");
        Files.writeString(file, Files.readString(file).replace("PT5M", "PT10M"));

        CommandRun run = mesh("generate", "dashboard", "--check", "--contracts", dir.resolve("contracts").toString(),
                "--out", file.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("out of date with the contracts: " + file, "mesh generate dashboard");
    }

    private JsonNode generate() throws IOException {
        Path contracts = TestContracts.write(dir.resolve("contracts"));
        Path file = dir.resolve("sla.json");
        CommandRun run = mesh("generate", "dashboard", "--contracts", contracts.toString(), "--out", file.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        return Json.mapper().readTree(file.toFile());
    }

    /** Every PromQL expression: the panels' targets, the annotations' and the variables' queries. */
    private static List<String> queries(JsonNode dashboard) {
        List<String> exprs = new ArrayList<>(dashboard.get("panels").findValuesAsString("expr"));
        exprs.addAll(dashboard.get("annotations").findValuesAsString("expr"));
        dashboard.get("templating").get("list").forEach(v -> exprs.add(v.get("query").get("query").asString()));
        return exprs;
    }

    /** The identifiers of {@code expr} that are neither functions, keywords, label names nor inside matchers. */
    private static Set<String> metricNames(String expr) {
        String bare = expr.replaceAll("\\b(by|on|ignoring|without|group_left|group_right)\\s*\\([^)]*\\)", " ")
                .replaceAll("\"[^\"]*\"", " ").replaceAll("\\{[^}]*}", " ").replaceAll("\\[[^]]*]", " ")
                .replaceAll(",\\s*[a-z_]+\\)", ")"); // label_values(metric, label)
        Set<String> names = new TreeSet<>();
        Matcher identifier = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*(?!\\s*\\(|[a-zA-Z0-9_:])").matcher(bare);
        while (identifier.find()) {
            if (!PROMQL_KEYWORDS.contains(identifier.group())) {
                names.add(identifier.group());
            }
        }
        return names;
    }

    private static Set<String> documentedMetrics() throws IOException {
        Set<String> names = new TreeSet<>();
        Matcher row = DOCUMENTED_METRIC.matcher(Files.readString(Path.of("../docs/metrics.md")));
        while (row.find()) {
            names.add(row.group(1));
            if (row.group(2).equals("histogram")) {
                names.addAll(List.of(row.group(1) + "_bucket", row.group(1) + "_count", row.group(1) + "_sum"));
            }
        }
        return names;
    }

    private static JsonNode panel(JsonNode dashboard, String title) {
        return StreamSupport.stream(dashboard.get("panels").spliterator(), false)
                .filter(p -> p.get("title").asString().equals(title) && !p.get("type").asString().equals("row"))
                .findFirst().orElseThrow(() -> new AssertionError("no panel " + title));
    }
}
