package io.meshwork.cli.catalog;

import io.meshwork.cli.contracts.MeshSource;
import io.meshwork.core.json.Json;
import io.meshwork.governance.catalog.Catalog;
import io.meshwork.governance.catalog.CatalogJson;
import io.meshwork.governance.catalog.CatalogMarkdown;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mesh catalog}: every data product, from its contract. */
@Command(name = "catalog", mixinStandardHelpOptions = true,
        description = {"Lists every data product: owner, domain, version, output topic, SLA, classification, inputs "
                + "and consumers, and (Markdown) every field.",
                "docs/catalog.md is generated with: mesh catalog --format markdown --write docs/catalog.md"})
public final class CatalogCommand implements Callable<Integer> {

    /** Output formats. */
    enum Format { json, markdown }

    @Spec
    CommandSpec spec;

    @Mixin
    MeshSource source;

    @Option(names = "--format", defaultValue = "json", description = "json or markdown (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--write", paramLabel = "FILE", description = "Write the catalog to FILE instead of standard output.")
    Path write;

    @Option(names = "--check", paramLabel = "FILE", description = "Exit 1 if FILE differs from the catalog (CI: is it up to date?).")
    Path check;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Optional<Catalog> loaded = source.load(err);
        if (loaded.isEmpty()) {
            return 2;
        }
        Catalog catalog = loaded.get();
        String text = format == Format.markdown ? CatalogMarkdown.of(catalog)
                : Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(CatalogJson.of(catalog)) + "\n";
        return emit(text);
    }

    /** Checks {@code check}, writes {@code write}, or prints, {@code text}. */
    private int emit(String text) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            if (check != null) {
                if (!Files.isRegularFile(check) || !Files.readString(check).equals(text)) {
                    err.println(check + " is out of date with the contracts; run: mesh catalog --format " + format
                            + " --write " + check);
                    return 1;
                }
                out.println(check + " is up to date");
            } else if (write != null) {
                Path parent = write.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                Files.writeString(write, text);
                out.println("wrote the catalog to " + write);
            } else {
                out.print(text);
            }
            out.flush();
            return 0;
        } catch (IOException e) {
            err.println("mesh catalog: " + e.getMessage());
            return 2;
        }
    }
}
