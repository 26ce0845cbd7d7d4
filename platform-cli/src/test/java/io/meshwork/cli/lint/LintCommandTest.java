package io.meshwork.cli.lint;

import static io.meshwork.cli.contracts.CommandRun.mesh;
import static org.assertj.core.api.Assertions.assertThat;

import io.meshwork.cli.contracts.CommandRun;
import io.meshwork.cli.contracts.TestContracts;
import io.meshwork.core.DataProduct;
import io.meshwork.core.ProductContext;
import io.meshwork.core.json.Json;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.Consumed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;

class LintCommandTest {

    @TempDir
    Path contracts;

    @Test
    void theOrdersContractPassesLint() {
        CommandRun run = mesh("lint", "../contracts/commerce/orders.yaml");

        assertThat(run.out()).isEqualTo("1 contract checked: 0 errors, 0 warnings\n");
        assertThat(run.exit()).isZero();
    }

    @Test
    void aContractBreakingAPolicyFailsWithFileLineColumnRuleAndMessage() {
        TestContracts.write(contracts);
        Path widgets = TestContracts.write(contracts.resolve("shop/widgets.yaml"),
                TestContracts.WIDGETS.replace("classification: internal", "classification: secret"));

        CommandRun run = mesh("lint", contracts.toString());

        assertThat(run.out()).isEqualTo(widgets + ":29:19: classification: classification 'secret' is not one of "
                + "[public, internal, confidential, restricted]\n2 contracts checked: 1 error, 0 warnings\n");
        assertThat(run.exit()).isEqualTo(1);
    }

    @Test
    void thePoliciesFileBesideTheContractsApplies() {
        TestContracts.write(contracts);
        TestContracts.write(contracts.resolve("policies.yaml"), "policies:\n  classification: {allowed: [public]}\n");

        CommandRun run = mesh("lint", contracts.resolve("shop").toString());

        assertThat(run.out()).contains("classification 'internal' is not one of [public]")
                .endsWith("2 contracts checked: 2 errors, 0 warnings\n");
    }

    @Test
    void jsonListsEveryFindingWithItsLocation() {
        TestContracts.write(contracts);
        TestContracts.write(contracts.resolve("shop/widgets.yaml"), TestContracts.WIDGETS.replace("version: 1.0.0", "version: one"));

        CommandRun run = mesh("lint", "--format", "json", contracts.toString());

        JsonNode report = Json.mapper().readTree(run.out());
        assertThat(report.get("errors").asInt()).isEqualTo(1);
        JsonNode finding = report.get("findings").get(0);
        assertThat(finding.get("file").asString()).endsWith("widgets.yaml");
        assertThat(finding.get("line").asInt()).isEqualTo(5);
        assertThat(finding.get("column").asInt()).isEqualTo(12);
        assertThat(finding.get("rule").asString()).isEqualTo("dataProduct-version");
        assertThat(finding.get("severity").asString()).isEqualTo("error");
        assertThat(run.exit()).isEqualTo(1);
    }

    @Test
    void junitHasATestCasePerContractAndAFailurePerBrokenOne() {
        TestContracts.write(contracts);
        TestContracts.write(contracts.resolve("shop/widgets.yaml"), TestContracts.WIDGETS.replace("      description: Widget id\n", ""));

        CommandRun run = mesh("lint", "--format", "junit", contracts.toString());

        assertThat(run.out()).contains("<testsuite name=\"mesh lint\" tests=\"2\" failures=\"1\"")
                .contains("name=\"" + contracts.resolve("shop/widget-stats.yaml") + "\"></testcase>")
                .contains("<failure type=\"property-description\"")
                .contains("widgets.yaml:17:5: property-description: property $.id has no description</failure>");
        assertThat(run.exit()).isEqualTo(1);
    }

    @Test
    void aMissingPathIsBadInput() {
        CommandRun run = mesh("lint", contracts.resolve("nowhere").toString());

        assertThat(run.err()).contains("no such file or folder");
        assertThat(run.exit()).isEqualTo(2);
    }

    @Test
    void aBrokenPoliciesFileIsBadInput() {
        TestContracts.write(contracts);
        Path policies = TestContracts.write(contracts.resolve("policies.yaml"), "policies:\n  owner: {severity: loud}\n");

        CommandRun run = mesh("lint", contracts.toString());

        assertThat(run.err()).contains(policies + ":2:21: policies: severity is error, warning or off, not 'loud'");
        assertThat(run.exit()).isEqualTo(2);
    }

    @Test
    void withTopologiesAProductWritingAnUndeclaredTopicFailsNamingIt() {
        TestContracts.write(contracts);
        DataProduct widgets = product("widgets", ctx -> {
            ctx.builder().stream("shop.widgets.returned", Consumed.with(Serdes.String(), Serdes.String()));
            ctx.output(ctx.input("shop.widgets.made", JsonNode.class));
        });

        CommandRun run = lintWithTopologies(widgets);

        assertThat(run.out()).startsWith(contracts.resolve("shop/widgets.yaml") + ":8:3: topology-undeclared-input: "
                + "product 'widgets' reads topic 'shop.widgets.returned', which is not declared under ports.inputs "
                + "[shop.widgets.made]\n");
        assertThat(run.exit()).isEqualTo(1);
    }

    @Test
    void withTopologiesADeclaredInputNeverReadIsAWarning() {
        TestContracts.write(contracts);
        DataProduct widgets = product("widgets", ctx -> ctx.output(ctx.builder()
                .stream("shop.widgets.dlq", Consumed.with(Serdes.String(), Serdes.String())).filter((k, v) -> false)));

        CommandRun run = lintWithTopologies(widgets);

        assertThat(run.out()).contains("topology-undeclared-input: product 'widgets' reads topic 'shop.widgets.dlq'")
                .contains(":8:3: warning: topology-unused-input: product 'widgets' declares input topic "
                        + "'shop.widgets.made' under ports.inputs but never reads it");
    }

    @Test
    void withTopologiesAProductKeepingToItsPortsPasses() {
        TestContracts.write(contracts);
        DataProduct widgets = product("widgets", ctx -> ctx.output(ctx.input("shop.widgets.made", JsonNode.class)));

        CommandRun run = lintWithTopologies(widgets);

        assertThat(run.out()).isEqualTo("2 contracts checked: 0 errors, 0 warnings\n");
        assertThat(run.exit()).isZero();
    }

    private CommandRun lintWithTopologies(DataProduct product) {
        return CommandRun.of(new CommandLine(new LintCommand(() -> List.of(product))), "--with-topologies",
                contracts.toString());
    }

    private static DataProduct product(String name, Consumer<ProductContext> topology) {
        return new DataProduct() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void topology(ProductContext ctx) {
                topology.accept(ctx);
            }
        };
    }
}
