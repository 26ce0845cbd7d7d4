package io.meshwork.cli.lineage;

import static io.meshwork.cli.contracts.CommandRun.mesh;
import static org.assertj.core.api.Assertions.assertThat;

import io.meshwork.cli.contracts.CommandRun;
import io.meshwork.cli.contracts.TestContracts;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineageCommandTest {

    @TempDir
    Path contracts;

    @Test
    void mermaidShowsProductsByDomainExternalTopicsAndAnEdgePerTopicRead() {
        TestContracts.write(contracts);

        CommandRun run = mesh("lineage", "--contracts", contracts.toString());

        assertThat(run.out()).isEqualTo("""
                flowchart LR
                  subgraph d_domain_shop["shop"]
                    p_shop_widget_stats["shop/widget-stats<br/>v2.1.0"]
                    p_shop_widgets["shop/widgets<br/>v1.0.0"]
                  end
                  t_shop_widget_stats(["shop.widget-stats"])
                  t_shop_widgets_made(["shop.widgets.made"])
                  p_shop_widgets -- "shop.widgets" --> p_shop_widget_stats
                  p_shop_widget_stats -- "shop.widget-stats" --> t_shop_widget_stats
                  t_shop_widgets_made -- "shop.widgets.made" --> p_shop_widgets
                """);
        assertThat(run.exit()).isZero();
    }

    @Test
    void dotIsAGraphvizDigraphWithAClusterPerDomain() {
        TestContracts.write(contracts);

        CommandRun run = mesh("lineage", "--format", "dot", "--contracts", contracts.toString());

        assertThat(run.out()).startsWith("digraph mesh {\n")
                .contains("  subgraph \"cluster_shop\" {\n    label=\"shop\";\n")
                .contains("    \"shop/widgets\" [label=\"shop/widgets\\nv1.0.0\"];\n")
                .contains("  \"shop.widgets.made\" [shape=cylinder, style=solid];\n")
                .contains("  \"shop/widgets\" -> \"shop/widget-stats\" [label=\"shop.widgets\"];\n")
                .endsWith("}\n");
    }

    @Test
    void jsonListsNodesAndEdges() {
        TestContracts.write(contracts);

        CommandRun run = mesh("lineage", "--format", "json", "--contracts", contracts.toString());

        assertThat(run.out()).contains("\"from\" : \"shop/widgets\",\n    \"to\" : \"shop/widget-stats\",\n    \"topic\" : \"shop.widgets\"");
    }
}
