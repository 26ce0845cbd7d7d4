package io.meshwork.cli.scaffold;

import io.meshwork.cli.contracts.PoliciesLookup;
import io.meshwork.core.contract.ContractException;
import io.meshwork.governance.lint.ContractLinter;
import io.meshwork.governance.lint.LintFinding;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mesh new <domain>/<name>}: scaffolds a data product, contract and module, ready to build and run. */
@Command(name = "new", mixinStandardHelpOptions = true,
        description = {"Scaffolds a new data product: its contract (contracts/<domain>/<name>.yaml) and its module "
                + "(data-products/<name>) with a topology, synthetic traffic, a unit test and a real-broker test.",
                "Exits 2 if the name is invalid or the product already exists."})
public final class NewCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DOMAIN/NAME", description = "The product, e.g. commerce/returns.")
    String product;

    @Option(names = "--input", paramLabel = "TOPIC",
            description = "An input topic (repeatable; default: <domain>.<name>.events).")
    List<String> inputs = new ArrayList<>();

    @Option(names = "--owner", paramLabel = "TEAM", description = "The owning team (default: <domain>-team).")
    String owner;

    @Option(names = "--dir", paramLabel = "DIR", defaultValue = ".",
            description = "The repository root (default: the current folder).")
    Path root;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ProductName name;
        try {
            name = ProductName.parse(product);
        } catch (IllegalArgumentException e) {
            err.println("mesh new: " + e.getMessage());
            return 2;
        }
        Path modules = root.resolve("data-products/pom.xml");
        if (!Files.isRegularFile(modules)) {
            err.println("mesh new: " + root.toAbsolutePath().normalize()
                    + " is not a Meshwork repository (no data-products/pom.xml); use --dir");
            return 2;
        }
        ProductScaffold scaffold = new ProductScaffold(name,
                inputs.isEmpty() ? List.of(ProductScaffold.defaultInput(name)) : inputs,
                owner == null ? name.domain() + "-team" : owner);
        try {
            List<String> taken = taken(scaffold, modules);
            if (!taken.isEmpty()) {
                err.println("mesh new: " + name + " already exists: " + String.join(", ", taken));
                return 2;
            }
            Map<String, String> files = scaffold.files();
            List<LintFinding> errors = lint(scaffold, files.get(scaffold.contractFile()));
            if (!errors.isEmpty()) {
                errors.forEach(err::println);
                err.println("mesh new: the contract would not pass mesh lint; nothing written");
                return 2;
            }
            for (Map.Entry<String, String> file : files.entrySet()) {
                Path path = root.resolve(file.getKey());
                Files.createDirectories(path.getParent());
                Files.writeString(path, file.getValue());
                out.println("wrote " + file.getKey());
            }
            ModuleList.add(modules, name.name());
            out.println("added module " + name.name() + " to data-products/pom.xml");
        } catch (ContractException e) {
            err.println(e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("mesh new: " + e);
            return 2;
        }
        printNextSteps(out, scaffold);
        return 0;
    }

    /** What of the product exists already: its contract, its module folder, its module entry. */
    private List<String> taken(ProductScaffold scaffold, Path modules) throws IOException {
        List<String> taken = new ArrayList<>();
        for (String path : List.of(scaffold.contractFile(), scaffold.moduleDir())) {
            if (Files.exists(root.resolve(path))) {
                taken.add(path);
            }
        }
        if (ModuleList.lists(modules, scaffold.product().name())) {
            taken.add("module " + scaffold.product().name() + " in data-products/pom.xml");
        }
        return taken;
    }

    /**
     * The errors {@code mesh lint} would report on the new contract under the repository's policies.
     *
     * @throws ContractException if the policies file is unreadable
     */
    private List<LintFinding> lint(ProductScaffold scaffold, String contract) {
        return new ContractLinter(PoliciesLookup.load(null, root.resolve("contracts")))
                .lint(root.resolve(scaffold.contractFile()), contract).stream().filter(LintFinding::isError).toList();
    }

    private static void printNextSteps(PrintWriter out, ProductScaffold scaffold) {
        String product = scaffold.product().className() + "Product";
        out.println();
        out.println("Next steps:");
        out.println("  1. Describe the product and shape its schema in " + scaffold.contractFile());
        String prefix = scaffold.product().className();
        out.println("  2. Write the topology in " + product + ".java, and the " + prefix + "Event and " + prefix
                + "Record types");
        out.println("  3. ./mesh lint " + scaffold.contractFile());
        out.println("  4. ./mvnw -q -pl " + scaffold.moduleDir() + " -am verify   (or ./mesh test for everything)");
        out.println("  5. ./mesh up   (runs it with the mesh, fed by " + scaffold.product().className() + "Traffic)");
        out.println("  6. Before committing, refresh what CI checks against the contracts:");
        out.println("     ./mesh catalog --format markdown --write docs/catalog.md && ./mesh generate alerts && ./mesh generate strimzi");
        out.flush();
    }
}
