package io.meshwork.governance.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshwork.core.contract.ContractException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContractLinterTest {

    private static final Path FILE = Path.of("contracts/shop/widgets.yaml");

    /** Line numbers in the comments: the tests below point at them. */
    private static final String VALID = """
            dataProduct:
              name: widgets
              domain: shop
              owner: shop-team
              version: 1.0.0
              description: Every widget made in the shop, one record per widget.
            ports:
              inputs:
                - topic: shop.widgets.made
            schema:
              type: object
              properties:
                id:
                  type: string
                  description: Widget id
                parts:
                  type: array
                  description: The parts the widget is made of
                  items:
                    type: object
                    properties:
                      sku:
                        type: string
                        description: Stock keeping unit
            sla:
              freshness: PT5M
              availability: 99.9%
              qualityScore: 0.95
            access:
              classification: internal
              requiredPermissions: [shop:read]
            """;

    private final ContractLinter linter = new ContractLinter(Policies.defaults());

    @Test
    void aContractFollowingEveryPolicyHasNoFindings() {
        assertThat(linter.lint(FILE, VALID)).isEmpty();
    }

    @Test
    void ownerMustBeATeamHandle() {
        assertThat(lint(VALID.replace("owner: shop-team", "owner: The Shop Team"))).containsExactly(
                "contracts/shop/widgets.yaml:4:10: owner: owner 'The Shop Team' is not a team handle matching [a-z][a-z0-9-]*");
    }

    @Test
    void ownerIsRequired() {
        assertThat(lint(VALID.replace("  owner: shop-team\n", ""))).containsExactly(
                "contracts/shop/widgets.yaml:2:3: dataProduct-owner: missing required field 'owner'");
    }

    @Test
    void descriptionIsRequired() {
        assertThat(lint(VALID.replace("  description: Every widget made in the shop, one record per widget.\n", "")))
                .containsExactly("contracts/shop/widgets.yaml:1:1: description: dataProduct has no description: "
                        + "say what the product is and who it is for");
    }

    @Test
    void descriptionMustSaySomething() {
        assertThat(lint(VALID.replace("Every widget made in the shop, one record per widget.", "Widgets"))).containsExactly(
                "contracts/shop/widgets.yaml:6:16: description: description is 7 characters; write at least 20 "
                        + "to say what the product is and who it is for");
    }

    @Test
    void classificationMustBeDeclared() {
        assertThat(lint(VALID.replace("  classification: internal\n", ""))).containsExactly(
                "contracts/shop/widgets.yaml:29:1: classification: no access.classification; declare one of "
                        + "[public, internal, confidential, restricted]");
        assertThat(lint(VALID.substring(0, VALID.indexOf("access:")))).containsExactly(
                "contracts/shop/widgets.yaml:1:1: classification: no access.classification; declare one of "
                        + "[public, internal, confidential, restricted]");
    }

    @Test
    void classificationMustBeAnAllowedOne() {
        assertThat(lint(VALID.replace("classification: internal", "classification: secret"))).containsExactly(
                "contracts/shop/widgets.yaml:30:19: classification: classification 'secret' is not one of "
                        + "[public, internal, confidential, restricted]");
    }

    @Test
    void outputAndDeadLetterTopicsAreNamedAfterTheProduct() {
        String text = VALID.replace("    - topic: shop.widgets.made\n",
                "    - topic: shop.widgets.made\n  output:\n    topic: widgets\n  deadLetter: errors.widgets\n");

        assertThat(lint(text)).containsExactly(
                "contracts/shop/widgets.yaml:11:12: topic-naming: topic 'widgets' does not match "
                        + "shop\\.widgets(\\.[a-z0-9-]+)*: a product's topics are named <domain>.<name>...",
                "contracts/shop/widgets.yaml:12:15: topic-naming: topic 'errors.widgets' does not match "
                        + "shop\\.widgets(\\.[a-z0-9-]+)*: a product's topics are named <domain>.<name>...");
    }

    @Test
    void inputTopicsAreNamedDomainDotName() {
        assertThat(lint(VALID.replace("topic: shop.widgets.made", "topic: WidgetsMade"))).containsExactly(
                "contracts/shop/widgets.yaml:9:14: topic-naming: input topic 'WidgetsMade' does not match "
                        + "[a-z][a-z0-9-]*(\\.[a-z0-9-]+)+: topics are named <domain>.<name>...");
    }

    @Test
    void versionIsASemanticVersion() {
        assertThat(lint(VALID.replace("version: 1.0.0", "version: v1"))).containsExactly(
                "contracts/shop/widgets.yaml:5:12: dataProduct-version: 'v1' is not valid for version: "
                        + "expected a semantic version such as 1.4.0");
    }

    @Test
    void slaIsRequired() {
        String text = VALID.replace("sla:\n  freshness: PT5M\n  availability: 99.9%\n  qualityScore: 0.95\n", "");

        assertThat(lint(text)).containsExactly("contracts/shop/widgets.yaml:1:1: sla: no sla: a product promises "
                + "freshness, availability, qualityScore");
    }

    @Test
    void everySlaTargetIsRequired() {
        assertThat(lint(VALID.replace("  availability: 99.9%\n", ""))).containsExactly(
                "contracts/shop/widgets.yaml:25:1: sla: sla has no availability target");
    }

    @Test
    void slaTargetsAreWellFormed() {
        assertThat(lint(VALID.replace("freshness: PT5M", "freshness: 5 minutes"))).containsExactly(
                "contracts/shop/widgets.yaml:26:14: sla-freshness: freshness is a positive ISO-8601 duration such as "
                        + "PT15M; got '5 minutes'");
    }

    @Test
    void schemaIsAValidJsonSchema() {
        assertThat(lint(VALID.replace("type: array", "type: list")))
                .isNotEmpty()
                .allMatch(finding -> finding.startsWith("contracts/shop/widgets.yaml:17:13: schema-invalid: "
                        + "not a valid JSON Schema: "));
    }

    @Test
    void everyPropertyIsDescribedAtAnyDepth() {
        String text = VALID.replace("      description: Widget id\n", "")
                .replace("            description: Stock keeping unit\n", "");

        assertThat(lint(text)).containsExactly(
                "contracts/shop/widgets.yaml:13:5: property-description: property $.id has no description",
                "contracts/shop/widgets.yaml:21:11: property-description: property $.parts[*].sku has no description");
    }

    @Test
    void theFileIsWhereTheProductLooksForIt() {
        assertThat(linter.lint(Path.of("contracts/shop/gadgets.yaml"), VALID).stream().map(LintFinding::toString))
                .containsExactly("contracts/shop/gadgets.yaml:2:9: file-naming: the contract of shop/widgets must be "
                        + "saved as <contracts>/shop/widgets.yaml for the product to find it; it is .../shop/gadgets.yaml");
    }

    @Test
    void productNamesAndOutputTopicsAreUniqueAcrossContracts(@TempDir Path contracts) throws IOException {
        Path widgets = write(contracts.resolve("shop/widgets.yaml"), VALID);
        Path copy = write(contracts.resolve("warehouse/widgets.yaml"), VALID.replace("domain: shop", "domain: warehouse")
                .replace("    - topic: shop.widgets.made\n", "    - topic: shop.widgets.made\n  output:\n    topic: shop.widgets\n"));

        List<String> findings = linter.lint(ContractLinter.contractFiles(contracts)).stream().map(LintFinding::toString).toList();

        assertThat(findings).containsExactly(
                copy + ":2:9: unique: product name 'widgets' is already used by " + widgets
                        + "; products are found by name, so names are unique across domains",
                copy + ":11:12: topic-naming: topic 'shop.widgets' does not match warehouse\\.widgets(\\.[a-z0-9-]+)*: "
                        + "a product's topics are named <domain>.<name>...",
                copy + ":11:12: unique: output topic 'shop.widgets' is already published by " + widgets);
    }

    @Test
    void policiesSetSeverityPerPolicy() {
        Policies policies = Policies.parse(Path.of("contracts/policies.yaml"), """
                policies:
                  description: {severity: warning}
                  property-description: {severity: off}
                """);
        String text = VALID.replace("Every widget made in the shop, one record per widget.", "Widgets")
                .replace("      description: Widget id\n", "");

        List<LintFinding> findings = new ContractLinter(policies).lint(FILE, text);

        assertThat(findings).extracting(LintFinding::toString).containsExactly(
                "contracts/shop/widgets.yaml:6:16: warning: description: description is 7 characters; write at least 20 "
                        + "to say what the product is and who it is for");
        assertThat(findings).noneMatch(LintFinding::isError);
    }

    @Test
    void policiesSetTheAllowedClassificationsAndNaming() {
        Policies policies = Policies.parse(Path.of("contracts/policies.yaml"), """
                policies:
                  classification: {allowed: [open, closed]}
                  topic-naming: {output: "{domain}-{name}"}
                """);

        assertThat(new ContractLinter(policies).lint(FILE, VALID)).extracting(LintFinding::rule)
                .containsExactly("classification");
        assertThat(policies.outputTopicFor("shop", "widgets").matcher("shop-widgets").matches()).isTrue();
    }

    @Test
    void theShippedPoliciesAreTheDefaults() {
        assertThat(Policies.load(Path.of("../contracts/policies.yaml"))).isEqualTo(Policies.defaults());
    }

    @Test
    void aBrokenPoliciesFileIsReportedWithItsLocation() {
        assertThatThrownBy(() -> Policies.parse(Path.of("contracts/policies.yaml"), """
                policies:
                  owner: {severity: fatal}
                  colour: {severity: error}
                """))
                .isInstanceOf(ContractException.class)
                .hasMessage("contracts/policies.yaml:2:21: policies: severity is error, warning or off, not 'fatal'\n"
                        + "contracts/policies.yaml:3:11: policies: unknown policy 'colour'; known: [owner, description, "
                        + "classification, topic-naming, sla, property-description, file-naming, unique]");
    }

    private List<String> lint(String text) {
        return linter.lint(FILE, text).stream().map(LintFinding::toString).toList();
    }

    private static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }
}
