package io.meshwork.cli.generate;

import io.meshwork.cli.contracts.ContractsOption;
import io.meshwork.core.contract.Contract;
import io.meshwork.governance.catalog.Catalog;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * Files generated from the contracts, written under a folder or checked against it ({@code --check}: is what is
 * committed up to date?). A check also fails on a stale {@code .yaml} file the generation no longer produces.
 *
 * @param dir      the folder the file names are relative to
 * @param files    file name → content, in order
 * @param ownsDir  whether every {@code .yaml} file in {@code dir} is generated: writing deletes the others (of
 *                 removed products), checking reports them
 */
record GeneratedFiles(Path dir, Map<String, String> files, boolean ownsDir) {

    /** The one generated file {@code out}. */
    static GeneratedFiles single(Path out, String content) {
        Path file = out.toAbsolutePath().normalize();
        return new GeneratedFiles(file.getParent(), Map.of(file.getFileName().toString(), content), false);
    }

    /** Header of every generated file. */
    static String header(String command) {
        return "# Generated from the contracts by `mesh generate " + command + "`; do not edit: run it again.\n";
    }

    /**
     * The products of the contracts for a generator of {@code replicas} instances each, or empty after printing why
     * not to {@code err}: fewer than one replica, or malformed contracts.
     */
    static Optional<List<Contract>> products(ContractsOption contracts, String command, int replicas, PrintWriter err) {
        if (replicas < 1) {
            err.println("mesh generate " + command + ": --replicas must be at least 1, got " + replicas);
            return Optional.empty();
        }
        return contracts.load(err).map(Catalog::products);
    }

    /** A file of several YAML documents (Kubernetes resources), with the header of {@code command}. */
    static String documents(String command, List<? extends JsonNode> resources) {
        return header(command) + resources.stream().map(Yaml::write).collect(Collectors.joining("---\n"));
    }

    /** Writes, or with {@code check} compares, the files; returns the exit code (0, 1 out of date, 2 I/O error). */
    int emit(boolean check, String command, PrintWriter out, PrintWriter err) {
        try {
            if (check) {
                List<String> stale = outOfDate();
                if (!stale.isEmpty()) {
                    err.println("out of date with the contracts: " + String.join(", ", stale)
                            + "; run: mesh generate " + command);
                    return 1;
                }
                out.println(dir + ": " + files.size() + " file(s) up to date");
            } else {
                Files.createDirectories(dir);
                for (Map.Entry<String, String> file : files.entrySet()) {
                    Files.writeString(dir.resolve(file.getKey()), file.getValue());
                    out.println("wrote " + dir.resolve(file.getKey()));
                }
                for (Path old : leftOver()) {
                    Files.delete(old);
                    out.println("deleted " + old);
                }
            }
            out.flush();
            return 0;
        } catch (IOException e) {
            err.println("mesh generate " + command + ": " + e);
            return 2;
        }
    }

    private List<String> outOfDate() throws IOException {
        List<String> stale = new ArrayList<>();
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path path = dir.resolve(file.getKey());
            if (!Files.isRegularFile(path) || !Files.readString(path).equals(file.getValue())) {
                stale.add(path.toString());
            }
        }
        leftOver().forEach(old -> stale.add(old + " (no longer generated)"));
        return stale;
    }

    /** The {@code .yaml} files in an owned {@code dir} that are not generated any more. */
    private List<Path> leftOver() throws IOException {
        if (!ownsDir || !Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> listing = Files.list(dir)) {
            return listing.filter(p -> p.getFileName().toString().endsWith(".yaml"))
                    .filter(p -> !files.containsKey(p.getFileName().toString())).sorted().toList();
        }
    }
}
