package io.meshwork.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
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

    @Test
    void findsTheContractsAJarCarriesOnTheClasspath() throws IOException {
        write("commerce", "orders", "topic: commerce.orders.placed");
        write("analytics", "revenue", "product: commerce/orders");
        Path jar = contracts.resolveSibling(contracts.getFileName() + ".jar");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
            for (String folder : List.of("", "commerce/", "analytics/")) {   // jars list their folders, as Maven's do
                zip.putNextEntry(new ZipEntry(ContractLocator.CLASSPATH_DIR + "/" + folder));
            }
            for (String file : List.of("commerce/orders.yaml", "analytics/revenue.yaml")) {
                zip.putNextEntry(new ZipEntry(ContractLocator.CLASSPATH_DIR + "/" + file));
                zip.write(Files.readAllBytes(contracts.resolve(file)));
            }
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            Path packaged = ContractLocator.onClasspath(loader).orElseThrow();

            Contract revenue = new ContractLocator(packaged).load("revenue");

            assertThat(revenue.ports().inputTopics()).containsExactly("commerce.orders");
            assertThatThrownBy(() -> new ContractLocator(packaged).load("refunds"))
                    .hasMessageContaining("under jar:" + jar.toUri());
        }
    }

    @Test
    void findsTheContractsAClassesFolderCarries() throws IOException {
        Path classes = contracts.resolve("classes");
        Path packaged = Files.createDirectories(classes.resolve(ContractLocator.CLASSPATH_DIR));
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, null)) {
            assertThat(ContractLocator.onClasspath(loader)).contains(packaged);
        }
    }

    private void write(String domain, String name, String input) throws IOException {
        Files.createDirectories(contracts.resolve(domain));
        Files.writeString(contracts.resolve(domain).resolve(name + ".yaml"), CONTRACT.formatted(name, domain, input));
    }
}
