package io.meshwork.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContractLocatorTest {

    private static final String CONTRACT = """
            dataProduct: {name: %s, domain: %s, owner: team, version: 1.0.0}
            ports:
              inputs:
                - %s
            schema: {type: object}
            """;

    @TempDir
    Path contracts;

    @Test
    void findsAContractByProductNameInAnyDomain() throws IOException {
        write("commerce", "orders", "topic: commerce.orders.placed");

        Contract contract = new ContractLocator(contracts).load("orders");

        assertThat(contract.identity().qualifiedName()).isEqualTo("commerce/orders");
    }

    @Test
    void resolvesProductInputsToThatProductsOutputTopic() throws IOException {
        write("commerce", "orders", "topic: commerce.orders.placed");
        write("analytics", "revenue", "product: commerce/orders");

        Contract revenue = new ContractLocator(contracts).load("revenue");

        assertThat(revenue.ports().inputTopics()).containsExactly("commerce.orders");
        assertThat(revenue.ports().inputs().get(0).product()).contains("commerce/orders");
    }

    @Test
    void anUnknownProductInputIsAContractProblem() throws IOException {
        write("analytics", "revenue", "product: commerce/nothing");

        assertThatThrownBy(() -> new ContractLocator(contracts).load("revenue"))
                .hasMessageContaining("revenue.yaml:4:")
                .hasMessageContaining("no contract found for product 'commerce/nothing'");
    }

    @Test
    void aMissingContractSaysWhereItLooked() {
        assertThatThrownBy(() -> new ContractLocator(contracts).load("orders"))
                .hasMessageContaining("no contract for product 'orders' under " + contracts.toAbsolutePath());
    }

    private void write(String domain, String name, String input) throws IOException {
        Files.createDirectories(contracts.resolve(domain));
        Files.writeString(contracts.resolve(domain).resolve(name + ".yaml"), CONTRACT.formatted(name, domain, input));
    }
}
