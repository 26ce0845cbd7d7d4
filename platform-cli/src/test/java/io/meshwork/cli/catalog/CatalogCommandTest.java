package io.meshwork.cli.catalog;

import static io.meshwork.cli.contracts.CommandRun.mesh;
import static org.assertj.core.api.Assertions.assertThat;

import io.meshwork.cli.contracts.CommandRun;
import io.meshwork.cli.contracts.TestContracts;
import io.meshwork.core.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class CatalogCommandTest {

    @TempDir
    Path dir;

    @Test
    void jsonListsEveryProductWithOwnerVersionTopicSlaClassificationInputsAndConsumers() {
        Path contracts = TestContracts.write(dir.resolve("contracts"));

        CommandRun run = mesh("catalog", "--contracts", contracts.toString());

        JsonNode products = Json.mapper().readTree(run.out()).get("products");
        assertThat(products).hasSize(2);
        JsonNode widgets = products.get(1);
        assertThat(widgets.get("product").asString()).isEqualTo("shop/widgets");
        assertThat(widgets.get("owner").asString()).isEqualTo("shop-team");
        assertThat(widgets.get("domain").asString()).isEqualTo("shop");
        assertThat(widgets.get("version").asString()).isEqualTo("1.0.0");
        assertThat(widgets.get("contract").asString()).isEqualTo("contracts/shop/widgets.yaml");
        assertThat(widgets.get("output").get("topic").asString()).isEqualTo("shop.widgets");
        assertThat(widgets.get("output").get("key").asString()).isEqualTo("id");
        assertThat(widgets.get("sla").toString()).isEqualTo("{\"freshness\":\"PT5M\",\"availability\":\"99.9%\",\"qualityScore\":0.95}");
        assertThat(widgets.get("access").get("classification").asString()).isEqualTo("internal");
        assertThat(widgets.get("inputs").toString()).isEqualTo("[{\"topic\":\"shop.widgets.made\"}]");
        assertThat(widgets.get("consumers").toString()).isEqualTo("[\"shop/widget-stats\"]");
        assertThat(products.get(0).get("inputs").toString())
                .isEqualTo("[{\"topic\":\"shop.widgets\",\"product\":\"shop/widgets\"}]");
        assertThat(run.exit()).isZero();
    }

    @Test
    void markdownHasASummaryRowAndASectionWithEveryFieldPerProduct() {
        Path contracts = TestContracts.write(dir.resolve("contracts"));

        CommandRun run = mesh("catalog", "--format", "markdown", "--contracts", contracts.toString());

        assertThat(run.out()).startsWith("# Data product catalog\n")
                .contains("| [shop/widgets](#shopwidgets) | shop-team | 1.0.0 | `shop.widgets` | internal | PT5M | 99.9% | 0.95 |\n")
                .contains("## shop/widgets\n\nEvery widget made in the shop, one record per widget.\n")
                .contains("| output topic | `shop.widgets`, keyed by `id`, 1 partition, delete |\n")
                .contains("| inputs | `shop.widgets.made` |\n")
                .contains("| consumed by | shop/widget-stats |\n")
                .contains("| access | internal; consumers need `shop:read` |\n")
                .contains("| `size` | integer | no | Size in millimetres |\n")
                .contains("| inputs | `shop.widgets` (shop/widgets) |\n");
    }

    @Test
    void writeThenCheckTellsWhetherTheDocumentIsUpToDate() throws Exception {
        Path contracts = TestContracts.write(dir.resolve("contracts"));
        Path doc = dir.resolve("docs/catalog.md");

        CommandRun write = mesh("catalog", "--format", "markdown", "--contracts", contracts.toString(), "--write", doc.toString());
        CommandRun fresh = mesh("catalog", "--format", "markdown", "--contracts", contracts.toString(), "--check", doc.toString());
        TestContracts.write(contracts.resolve("shop/widgets.yaml"), TestContracts.WIDGETS.replace("1.0.0", "1.1.0"));
        CommandRun stale = mesh("catalog", "--format", "markdown", "--contracts", contracts.toString(), "--check", doc.toString());

        assertThat(write.exit()).isZero();
        assertThat(Files.readString(doc)).startsWith("# Data product catalog");
        assertThat(fresh.exit()).isZero();
        assertThat(stale.exit()).isEqualTo(1);
        assertThat(stale.err()).contains("is out of date with the contracts; run: mesh catalog --format markdown --write");
    }

    @Test
    void aMalformedContractIsBadInput() {
        Path contracts = TestContracts.write(dir.resolve("contracts"));
        TestContracts.write(contracts.resolve("shop/widgets.yaml"), "dataProduct: [");

        CommandRun run = mesh("catalog", "--contracts", contracts.toString());

        assertThat(run.err()).contains("widgets.yaml:1:");
        assertThat(run.exit()).isEqualTo(2);
    }
}
