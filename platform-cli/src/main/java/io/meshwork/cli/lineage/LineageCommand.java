package io.meshwork.cli.lineage;

import io.meshwork.cli.contracts.MeshSource;
import io.meshwork.cli.contracts.JsonOutput;
import io.meshwork.governance.catalog.Catalog;
import io.meshwork.governance.catalog.MeshLineage;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mesh lineage}: the mesh graph, from the contracts' ports. */
@Command(name = "lineage", mixinStandardHelpOptions = true,
        description = {"Prints the mesh as a graph: products (grouped by domain) and external topics, with an edge per "
                + "topic a product reads.",
                "Mermaid renders in GitHub Markdown; DOT renders with Graphviz: mesh lineage --format dot | dot -Tsvg"})
public final class LineageCommand implements Callable<Integer> {

    /** Output formats. */
    enum Format { mermaid, dot, json }

    @Spec
    CommandSpec spec;

    @Mixin
    MeshSource source;

    @Option(names = "--format", defaultValue = "mermaid", description = "mermaid, dot or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() {
        Optional<Catalog> catalog = source.load(spec.commandLine().getErr());
        if (catalog.isEmpty()) {
            return 2;
        }
        MeshLineage graph = MeshLineage.of(catalog.get());
        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case dot -> out.print(graph.toDot());
            case json -> JsonOutput.print(out, graph.toJson());
            default -> out.print(graph.toMermaid());
        }
        out.flush();
        return 0;
    }
}
