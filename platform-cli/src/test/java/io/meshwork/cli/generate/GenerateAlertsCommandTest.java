package io.meshwork.cli.generate;

import static io.meshwork.cli.contracts.CommandRun.mesh;
import static org.assertj.core.api.Assertions.assertThat;

import io.meshwork.cli.contracts.CommandRun;
import io.meshwork.cli.contracts.TestContracts;
import io.meshwork.core.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

class GenerateAlertsCommandTest {

    private static final YAMLMapper YAML = new YAMLMapper();

    @TempDir
    Path dir;

    @Test
    void generatedRulesPassPromtoolCheck() {
        Path rules = generate();

        Promtool check = Promtool.run(dir, "check", "rules", rules.toString());

        assertThat(check.exit()).as(check.output()).isZero();
        assertThat(check.output()).contains("SUCCESS: 26 rules found");
    }

    @Test
    void everyAlertIsLabelledWithSeverityProductDomainOwnerAndLinksItsRunbookSection() throws IOException {
        JsonNode widgets = group(YAML.readTree(generate().toFile()), "meshwork-slo-shop-widgets");

        assertThat(widgets.findValuesAsString("alert")).containsExactly("DataProductAvailabilityBudgetBurnFast",
                "DataProductAvailabilityBudgetBurnSlow", "DataProductQualityBudgetBurnFast",
                "DataProductQualityBudgetBurnSlow", "DataProductFreshnessBreached", "DataProductAbsent");
        JsonNode qualityPage = widgets.get(2);
        assertThat(qualityPage.get("labels").toString()).isEqualTo(
                "{\"severity\":\"page\",\"product\":\"widgets\",\"domain\":\"shop\",\"owner\":\"shop-team\"}");
        assertThat(qualityPage.get("expr").asString()).contains(
                "dataproduct_slo:quality_errors:ratio_rate1h{domain=\"shop\", product=\"widgets\"} > (14.4 * 0.05)",
                "dataproduct_slo:quality_errors:ratio_rate30m{domain=\"shop\", product=\"widgets\"} > (6 * 0.05)");
        assertThat(qualityPage.get("annotations").get("runbook_url").asString())
                .isEqualTo("docs/runbook.md#dataproductqualitybudgetburnfast");
        assertThat(widgets.get(3).get("labels").get("severity").asString()).isEqualTo("ticket");
        assertThat(widgets.get(4).get("expr").asString())
                .isEqualTo("min by (domain, product) (dataproduct_freshness_seconds{domain=\"shop\", product=\"widgets\"}) > 300");
    }

    @Test
    void runbookHasASectionForEveryAlert() throws IOException {
        String runbook = Files.readString(Path.of("../docs/runbook.md"));

        for (var alert : io.meshwork.governance.alerts.SloAlertRules.Alert.values()) {
            assertThat(runbook).contains("\n## " + alert.name() + "\n");
        }
    }

    /**
     * promtool's rule unit test on synthetic series: widgets sends 80% of its records to the dead-letter topic
     * (its quality target is 0.95, so the fast burn threshold is 14.4 × 0.05 = 72%), widget-stats 1% (target 0.9).
     */
    @Test
    void qualityPageFiresForTheProductBreachingItsSlaAndNotForTheHealthyOne() throws IOException {
        Path rules = generate();
        JsonNode widgetsPage = group(YAML.readTree(rules.toFile()), "meshwork-slo-shop-widgets").get(2);
        ObjectNode test = Json.mapper().createObjectNode();
        test.putArray("rule_files").add(rules.getFileName().toString());
        test.put("evaluation_interval", "1m");
        ObjectNode unit = test.putArray("tests").addObject();
        unit.put("interval", "1m");
        ArrayNode series = unit.putArray("input_series");
        series.addObject().put("series", counter("out", "widgets", "")).put("values", "0+20x90");
        series.addObject().put("series", counter("dlq", "widgets", ", reason=\"contract\"")).put("values", "0+80x90");
        series.addObject().put("series", counter("out", "widget-stats", "")).put("values", "0+99x90");
        series.addObject().put("series", counter("dlq", "widget-stats", ", reason=\"contract\"")).put("values", "0+1x90");
        ObjectNode fired = unit.putArray("alert_rule_test").addObject()
                .put("eval_time", "70m").put("alertname", "DataProductQualityBudgetBurnFast");
        ObjectNode expected = fired.putArray("exp_alerts").addObject();
        expected.set("exp_labels", widgetsPage.get("labels"));
        expected.set("exp_annotations", widgetsPage.get("annotations"));
        Path testFile = dir.resolve("slo.test.yaml");
        YAML.writeValue(testFile.toFile(), test);

        Promtool result = Promtool.run(dir, "test", "rules", testFile.getFileName().toString());

        assertThat(result.exit()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS");
    }

    @Test
    void theLocalPrometheusConfigLoadsTheCommittedRules() {
        Promtool check = Promtool.run(Path.of("../deploy/observability/prometheus"), "check", "config", "prometheus.yml");

        assertThat(check.exit()).as(check.output()).isZero();
        assertThat(check.output()).contains("rules/meshwork-slo.rules.yaml", "SUCCESS");
    }

    @Test
    void checkFailsWhenTheRulesFileIsOutOfDate() throws IOException {
        Path rules = generate();
        Files.writeString(rules, Files.readString(rules).replace("14.4", "10"));

        CommandRun run = mesh("generate", "alerts", "--check", "--contracts", dir.resolve("contracts").toString(),
                "--out", rules.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("out of date with the contracts: " + rules, "mesh generate alerts");
    }

    @Test
    void aMalformedContractIsUsageErrorNamingTheFile() {
        Path contracts = TestContracts.write(dir.resolve("contracts"));
        TestContracts.write(contracts.resolve("shop/broken.yaml"), "dataProduct: [\n");

        CommandRun run = mesh("generate", "alerts", "--contracts", contracts.toString(), "--out",
                dir.resolve("rules.yaml").toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("broken.yaml");
        assertThat(dir.resolve("rules.yaml")).doesNotExist();
    }

    @Test
    void theCommittedRulesAreUpToDateWithTheRepositorysContracts() {
        CommandRun run = mesh("generate", "alerts", "--check", "--contracts", "../contracts",
                "--out", "../deploy/observability/prometheus/rules/meshwork-slo.rules.yaml");

        assertThat(run.exit()).as(run.err()).isZero();
    }

    private Path generate() {
        Path contracts = TestContracts.write(dir.resolve("contracts"));
        Path rules = dir.resolve("slo.rules.yaml");
        CommandRun run = mesh("generate", "alerts", "--contracts", contracts.toString(), "--out", rules.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        return rules;
    }

    private static JsonNode group(JsonNode rules, String name) {
        for (JsonNode group : rules.get("groups")) {
            if (group.get("name").asString().equals(name)) {
                return group.get("rules");
            }
        }
        throw new AssertionError("no rule group " + name + " in " + rules);
    }

    private static String counter(String kind, String product, String labels) {
        return "dataproduct_records_" + kind + "_total{product=\"" + product + "\", domain=\"shop\", version=\"1.0.0\", "
                + "instance=\"a\"" + labels + "}";
    }
}
