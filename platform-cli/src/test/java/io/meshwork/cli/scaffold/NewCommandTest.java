package io.meshwork.cli.scaffold;

import static io.meshwork.cli.contracts.CommandRun.mesh;
import static org.assertj.core.api.Assertions.assertThat;

import io.meshwork.cli.contracts.CommandRun;
import io.meshwork.core.contract.Contract;
import io.meshwork.core.contract.ContractLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mesh new} into a copy of the repository's policies and data-products parent pom. */
class NewCommandTest {

    private static final Path REPO = Path.of("..");

    @TempDir
    Path root;

    @BeforeEach
    void copyRepository() throws IOException {
        for (String file : new String[] {"contracts/policies.yaml", "data-products/pom.xml"}) {
            Files.createDirectories(root.resolve(file).getParent());
            Files.copy(REPO.resolve(file), root.resolve(file));
        }
    }

    @Test
    void writesAContractThatPassesLintAndAModuleWithEveryFile() {
        CommandRun run = newProduct("shop/gift-cards");

        assertThat(run.exit()).as(run.err()).isZero();
        String main = "data-products/gift-cards/src/main/";
        String code = main + "java/io/meshwork/products/giftcards/GiftCards";
        String test = "data-products/gift-cards/src/test/java/io/meshwork/products/giftcards/GiftCards";
        for (String file : new String[] {"contracts/shop/gift-cards.yaml", "data-products/gift-cards/pom.xml",
                code + "Product.java", code + "Event.java", code + "Record.java", code + "Traffic.java",
                main + "resources/META-INF/services/io.meshwork.core.DataProduct",
                main + "resources/META-INF/services/io.meshwork.core.traffic.SyntheticTraffic",
                main + "resources/logback.xml", test + "ProductTest.java", test + "ProductIT.java",
                "data-products/gift-cards/src/test/resources/logback-test.xml"}) {
            assertThat(root.resolve(file)).as(file).isRegularFile();
            assertThat(run.out()).contains("wrote " + file);
        }
        assertThat(run.out()).contains("Next steps:", "./mesh up");

        CommandRun lint = mesh("lint", root.resolve("contracts").toString());
        assertThat(lint.out()).isEqualTo("1 contract checked: 0 errors, 0 warnings\n");
        assertThat(lint.exit()).isZero();
    }

    @Test
    void theContractNamesTheProductItsDefaultInputAndOutput() {
        newProduct("shop/gift-cards");

        Contract contract = ContractLoader.load(root.resolve("contracts/shop/gift-cards.yaml"));

        assertThat(contract.identity().name()).isEqualTo("gift-cards");
        assertThat(contract.identity().domain()).isEqualTo("shop");
        assertThat(contract.identity().owner()).isEqualTo("shop-team");
        assertThat(contract.outputTopic()).isEqualTo("shop.gift-cards");
        assertThat(contract.ports().inputTopics()).containsExactly("shop.gift-cards.events");
        assertThat(contract.ports().output().key()).hasValue("id");
        assertThat(contract.ports().deadLetter()).isEqualTo("shop.gift-cards.dlq");
    }

    @Test
    void inputsAndOwnerComeFromTheOptionsIntoContractAndProduct() throws IOException {
        CommandRun run = newProduct("shop/gift-cards", "--input", "pos.cards.sold", "--input", "web.cards.sold",
                "--owner", "payments-team");

        assertThat(run.exit()).as(run.err()).isZero();
        String contract = Files.readString(root.resolve("contracts/shop/gift-cards.yaml"));
        assertThat(contract).contains("    - topic: pos.cards.sold\n    - topic: web.cards.sold\n",
                "owner: payments-team");
        assertThat(Files.readString(productClass())).contains("List.of(\"pos.cards.sold\", \"web.cards.sold\")");
        assertThat(mesh("lint", root.resolve("contracts").toString()).exit()).isZero();
    }

    @Test
    void theProductClassIsInThePackageOfTheNameAndRegisteredAsService() throws IOException {
        newProduct("shop/gift-cards");

        assertThat(Files.readString(productClass())).contains("package io.meshwork.products.giftcards;",
                "public final class GiftCardsProduct implements DataProduct",
                "return \"gift-cards\";", "Meshwork.run(new GiftCardsProduct())");
        assertThat(root.resolve("data-products/gift-cards/src/main/resources/META-INF/services/io.meshwork.core.DataProduct"))
                .hasContent("io.meshwork.products.giftcards.GiftCardsProduct");
        assertThat(Files.readString(root.resolve("data-products/gift-cards/pom.xml")))
                .contains("<artifactId>gift-cards</artifactId>", "<artifactId>data-products</artifactId>")
                .doesNotContain("meshwork-bom", "#if", "@project.version@");
        assertThat(Files.readString(root.resolve("data-products/gift-cards/src/main/resources/logback.xml")))
                .isEqualTo(Files.readString(REPO.resolve("data-products/orders/src/main/resources/logback.xml")));
    }

    @Test
    void theModuleIsAddedAfterTheLastOneAndNothingElseChanges() throws IOException {
        String before = Files.readString(root.resolve("data-products/pom.xml"));

        newProduct("shop/gift-cards");

        String after = Files.readString(root.resolve("data-products/pom.xml"));
        assertThat(after).contains("    <module>gift-cards</module>\n  </modules>");
        assertThat(after.replace("    <module>gift-cards</module>\n", "")).isEqualTo(before);
    }

    @Test
    void everyPlaceholderIsFilledIn() throws IOException {
        newProduct("shop/gift-cards");

        try (var files = Files.walk(root)) {
            // data-products/pom.xml is the repository's own (Maven's ${basedir} and the like), the scaffold adds one line.
            for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.endsWith("data-products/pom.xml")).toList()) {
                assertThat(Files.readString(file)).as(file.toString()).doesNotContainPattern("\\$\\{[A-Za-z]+\\}");
            }
        }
    }

    @Test
    void invalidNamesAreRefusedWithExitTwoAndNothingWritten() {
        for (String name : new String[] {"Shop/widgets", "shop/Widgets", "shop", "shop/widgets/x", "shop/9lives",
                "shop/new", "shop/wid_gets"}) {
            CommandRun run = newProduct(name);

            assertThat(run.exit()).as(name).isEqualTo(2);
            assertThat(run.err()).as(name).startsWith("mesh new: ");
        }
        assertThat(root.resolve("contracts/shop")).doesNotExist();
    }

    @Test
    void anInputTheLinterRejectsIsRefusedBeforeWritingAnything() {
        CommandRun run = newProduct("shop/gift-cards", "--input", "NoDots");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("topic-naming", "nothing written");
        assertThat(root.resolve("contracts/shop")).doesNotExist();
        assertThat(root.resolve("data-products/gift-cards")).doesNotExist();
    }

    @Test
    void anExistingProductIsRefusedWithExitTwo() throws IOException {
        assertThat(newProduct("shop/gift-cards").exit()).isZero();
        String pom = Files.readString(root.resolve("data-products/pom.xml"));

        CommandRun again = newProduct("shop/gift-cards");

        assertThat(again.exit()).isEqualTo(2);
        assertThat(again.err()).contains("already exists", "contracts/shop/gift-cards.yaml", "data-products/gift-cards");
        assertThat(root.resolve("data-products/pom.xml")).hasContent(pom);
    }

    @Test
    void anExistingModuleFolderIsRefusedEvenInAnotherDomain() throws IOException {
        Files.createDirectories(root.resolve("data-products/orders"));

        CommandRun run = newProduct("finance/orders");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("already exists: data-products/orders");
    }

    @Test
    void aFolderThatIsNoMeshworkRepositoryIsRefused(@TempDir Path elsewhere) {
        CommandRun run = mesh("new", "shop/gift-cards", "--dir", elsewhere.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("not a Meshwork repository");
    }

    @Test
    void standaloneWritesTheArchetypesProjectImportingTheBomIntoAFolderOfItsOwn(@TempDir Path elsewhere)
            throws IOException {
        Path project = elsewhere.resolve("gift-cards");
        String before = Files.readString(root.resolve("data-products/pom.xml"));

        CommandRun run = newProduct("shop/gift-cards", "--standalone", project.toString(), "--group-id", "com.acme.shop");

        assertThat(run.exit()).as(run.err()).isZero();
        String code = "src/main/java/com/acme/shop/giftcards/GiftCards";
        for (String file : new String[] {"pom.xml", "README.md", ".gitignore", "contracts/shop/gift-cards.yaml",
                code + "Product.java", code + "Traffic.java", "src/test/java/com/acme/shop/giftcards/GiftCardsProductIT.java",
                "src/main/resources/META-INF/services/io.meshwork.core.DataProduct"}) {
            assertThat(project.resolve(file)).as(file).isRegularFile();
        }
        String pom = Files.readString(project.resolve("pom.xml"));
        assertThat(pom).contains("<groupId>com.acme.shop</groupId>", "<artifactId>gift-cards</artifactId>",
                        "<artifactId>meshwork-bom</artifactId>", "<scope>import</scope>", "maven-shade-plugin",
                        "jib-maven-plugin", "<targetPath>meshwork/contracts</targetPath>")
                .doesNotContain("<parent>", "@project.version@", "#if", "#else");
        assertThat(Files.readString(project.resolve(code + "Product.java"))).contains("package com.acme.shop.giftcards;");
        assertThat(project.resolve("src/main/resources/META-INF/services/io.meshwork.core.DataProduct"))
                .hasContent("com.acme.shop.giftcards.GiftCardsProduct");
        // Nothing of the repository changes: no contract, no module.
        assertThat(root.resolve("contracts/shop")).doesNotExist();
        assertThat(root.resolve("data-products/pom.xml")).hasContent(before);
        assertThat(mesh("lint", project.resolve("contracts").toString()).exit()).isZero();
    }

    @Test
    void standaloneRefusesAFolderThatIsNotEmpty(@TempDir Path elsewhere) throws IOException {
        Files.writeString(elsewhere.resolve("keep.txt"), "mine");

        CommandRun run = newProduct("shop/gift-cards", "--standalone", elsewhere.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("not an empty folder");
        assertThat(elsewhere.resolve("pom.xml")).doesNotExist();
    }

    private CommandRun newProduct(String product, String... options) {
        String[] args = new String[options.length + 4];
        args[0] = "new";
        args[1] = product;
        args[2] = "--dir";
        args[3] = root.toString();
        System.arraycopy(options, 0, args, 4, options.length);
        return mesh(args);
    }

    private Path productClass() {
        return root.resolve("data-products/gift-cards/src/main/java/io/meshwork/products/giftcards/GiftCardsProduct.java");
    }
}
