package io.meshwork.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ContractLoaderTest {

    private static final Path FILE = Path.of("contracts/test/broken.yaml");

    private static final String VALID = """
            dataProduct:
              name: orders
              domain: commerce
              owner: commerce-team
              version: 1.2.3
            schema:
              type: object
              properties:
                id: {type: string}
            sla:
              freshness: PT5M
              availability: 99.5%
              qualityScore: 0.9
            """;

    @Test
    void loadsTheArticlesContractExampleUnchanged() throws URISyntaxException {
        Path article = Path.of(getClass().getResource("/contracts/article-customer-360.yaml").toURI());

        Contract contract = ContractLoader.load(article);

        assertThat(contract.identity()).isEqualTo(new ProductIdentity("customer-360", "marketing", "marketing-data-team",
                "3.2.0", "Unified customer view combining CRM, transactions,\nand behavioral data for personalization use cases."));
        assertThat(contract.sla()).isEqualTo(new Sla(Optional.of(Duration.ofMinutes(15)), Optional.of(0.999), Optional.of(0.95)));
        assertThat(contract.access()).isEqualTo(new Access("internal", List.of("marketing:read", "analytics:read")));
        assertThat(contract.schema().path("properties").path("segment").path("enum")).hasSize(4);
        assertThat(contract.outputTopic()).isEqualTo("marketing.customer-360");
        assertThat(contract.ports().deadLetter()).isEqualTo("marketing.customer-360.dlq");
        assertThat(contract.ports().inputs()).isEmpty();
    }

    @Test
    void defaultsPortsAndReadsDeclaredOnes() {
        Contract contract = ContractLoader.parse(FILE, VALID + """
                ports:
                  inputs:
                    - topic: commerce.orders.placed
                  output:
                    topic: commerce.orders.v1
                    key: id
                    partitions: 3
                    cleanupPolicy: compact
                """);

        assertThat(contract.ports().inputTopics()).containsExactly("commerce.orders.placed");
        assertThat(contract.ports().output()).isEqualTo(new Ports.Output("commerce.orders.v1", Optional.of("id"), 3,
                Ports.CleanupPolicy.COMPACT, Optional.empty()));
        assertThat(contract.ports().deadLetter()).isEqualTo("commerce.orders.v1.dlq");
        assertThat(contract.sla().availability()).contains(0.995);
    }

    @Test
    void badYamlIsReportedWithFileLineAndColumn() {
        String text = """
                dataProduct:
                  name: orders
                  domain: [commerce
                schema: {}
                """;

        assertThatThrownBy(() -> ContractLoader.parse(FILE, text))
                .isInstanceOf(ContractException.class)
                .satisfies(e -> {
                    ContractProblem problem = ((ContractException) e).problems().get(0);
                    assertThat(problem.rule()).isEqualTo("yaml-syntax");
                    assertThat(problem.line()).isEqualTo(4);
                    assertThat(problem.toString()).startsWith("contracts/test/broken.yaml:4:");
                });
    }

    @Test
    void unknownSlaFormatIsReportedAtTheValue() {
        String text = VALID.replace("freshness: PT5M", "freshness: 15 minutes");

        assertThatThrownBy(() -> ContractLoader.parse(FILE, text))
                .hasMessage("contracts/test/broken.yaml:11:14: sla-freshness: freshness is a positive ISO-8601 duration"
                        + " such as PT15M; got '15 minutes'");
    }

    @Test
    void availabilityMustBeAPercentageOrRatio() {
        String text = VALID.replace("availability: 99.5%", "availability: three nines");

        assertThatThrownBy(() -> ContractLoader.parse(FILE, text))
                .hasMessageStartingWith("contracts/test/broken.yaml:12:17: sla-availability: ");
    }

    @Test
    void schemaThatIsNotAValidJsonSchemaIsReportedAtTheOffendingNode() {
        String text = VALID.replace("id: {type: string}", "id: {type: strnig}");

        assertThatThrownBy(() -> ContractLoader.parse(FILE, text))
                .isInstanceOf(ContractException.class)
                .satisfies(e -> {
                    ContractProblem problem = ((ContractException) e).problems().get(0);
                    assertThat(problem.rule()).isEqualTo("schema-invalid");
                    assertThat(problem.line()).isEqualTo(9);
                    assertThat(problem.message()).contains("not a valid JSON Schema");
                });
    }

    @Test
    void reportsEveryProblemNotJustTheFirst() {
        String text = """
                dataProduct:
                  name: Orders
                  domain: commerce
                  version: one
                slas:
                  freshness: PT5M
                """;

        assertThatThrownBy(() -> ContractLoader.parse(FILE, text))
                .isInstanceOf(ContractException.class)
                .satisfies(e -> assertThat(((ContractException) e).problems())
                        .extracting(ContractProblem::rule)
                        .containsExactlyInAnyOrder("unknown-field", "dataProduct-name", "dataProduct-owner",
                                "dataProduct-version", "required"));
    }

    @Test
    void outputKeyMustBeASchemaProperty() {
        String text = VALID + """
                ports:
                  output:
                    key: customerId
                """;

        assertThatThrownBy(() -> ContractLoader.parse(FILE, text))
                .hasMessageContaining("ports-output-key: key field 'customerId' is not a property of the schema");
    }

    @Test
    void missingFileIsAContractProblem() {
        assertThatThrownBy(() -> ContractLoader.load(Path.of("no/such/contract.yaml")))
                .hasMessage("no/such/contract.yaml:0:0: file: no such contract file");
    }
}
