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
import java.util.stream.Stream;
import javax.lang.model.SourceVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mesh new <domain>/<name>}: scaffolds a data product, contract and module, ready to build and run. */
@Command(name = "new", mixinStandardHelpOptions = true,
        description = {"Scaffolds a new data product: its contract (contracts/<domain>/<name>.yaml) and its module "
                + "(data-products/<name>) with a topology, synthetic traffic, a unit test and a real-broker test.",
                "With --standalone DIR, the same product as a Maven project of its own in DIR (importing "
                        + "io.meshwork:meshwork-bom), as the data-product archetype generates it.",
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

    @Option(names = "--standalone", paramLabel = "DIR",
            description = "Write the product as a project of its own into DIR (new or empty), not into the repository.")
    Path standalone;

    @Option(names = "--group-id", paramLabel = "GROUP",
            description = "With --standalone: the project's groupId (default: com.example.<domain>).")
    String groupId;

    @Option(names = "--package", paramLabel = "PACKAGE",
            description = "With --standalone: the Java package (default: <group>.<name without dashes>).")
    String javaPackage;

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
        if (standalone != null) {
            return standalone(name, out, err);
        }
        Path modules = root.resolve("data-products/pom.xml");
        if (!Files.isRegularFile(modules)) {
            err.println("mesh new: " + root.toAbsolutePath().normalize()
                    + " is not a Meshwork repository (no data-products/pom.xml); use --dir");
            return 2;
        }
        ProductScaffold scaffold = scaffold(name);
        int exit = written(err, () -> {
            List<String> taken = taken(scaffold, modules);
            if (!taken.isEmpty()) {
                err.println("mesh new: " + name + " already exists: " + String.join(", ", taken));
                return false;
            }
            if (!write(scaffold, scaffold.files(), root, out, err)) {
                return false;
            }
            ModuleList.add(modules, name.name());
            out.println("added module " + name.name() + " to data-products/pom.xml");
            return true;
        });
        if (exit == 0) {
            printNextSteps(out, scaffold);
        }
        return exit;
    }

    /** {@code --standalone DIR}: the product as a project of its own. */
    private int standalone(ProductName name, PrintWriter out, PrintWriter err) {
        String group = groupId == null ? "com.example." + name.domain().replace("-", "") : groupId;
        String pkg = javaPackage == null ? group + "." + name.name().replace("-", "") : javaPackage;
        if (!SourceVersion.isName(pkg)) {
            err.println("mesh new: '" + pkg + "' is not a Java package; use --package");
            return 2;
        }
        ProductScaffold scaffold = scaffold(name);
        int exit = written(err, () -> {
            if (Files.exists(standalone) && (!Files.isDirectory(standalone) || !isEmpty(standalone))) {
                err.println("mesh new: " + standalone + " already exists and is not an empty folder");
                return false;
            }
            return write(scaffold, scaffold.standaloneFiles(group, name.name(), "0.1.0-SNAPSHOT", pkg), standalone, out,
                    err);
        });
        if (exit != 0) {
            return exit;
        }
        out.println();
        out.println("Next steps (" + standalone + "/README.md, docs/new-data-product.md):");
        out.println("  1. Describe the product and shape its schema in " + scaffold.contractFile());
        out.println("  2. cd " + standalone + " && mvn verify   (the platform's artifacts: ./mvnw install here first)");
        out.println("  3. KAFKA_BOOTSTRAP_SERVERS=<the mesh's> java -jar target/" + name.name() + ".jar");
        out.flush();
        return 0;
    }

    /** Something that writes, or refuses to (having said why): {@code false} when it refused. */
    @FunctionalInterface
    private interface Writing {
        boolean write() throws IOException;
    }

    /** The exit code of {@code writing}: 0 when it wrote, 2 when it refused or failed (said on {@code err}). */
    private static int written(PrintWriter err, Writing writing) {
        try {
            return writing.write() ? 0 : 2;
        } catch (ContractException e) {
            err.println(e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("mesh new: " + e);
            return 2;
        }
    }

    private ProductScaffold scaffold(ProductName name) {
        return new ProductScaffold(name, inputs.isEmpty() ? List.of(ProductScaffold.defaultInput(name)) : inputs,
                owner == null ? name.domain() + "-team" : owner);
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    /**
     * Writes {@code files} below {@code base} if the contract among them passes lint; else reports why and writes
     * nothing.
     *
     * @throws ContractException if the policies file is unreadable
     */
    private boolean write(ProductScaffold scaffold, Map<String, String> files, Path base, PrintWriter out,
            PrintWriter err) throws IOException {
        List<LintFinding> errors = lint(base.resolve(scaffold.contractFile()), files.get(scaffold.contractFile()));
        if (!errors.isEmpty()) {
            errors.forEach(err::println);
            err.println("mesh new: the contract would not pass mesh lint; nothing written");
            return false;
        }
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path path = base.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue());
            out.println("wrote " + (base == root ? "" : base + "/") + file.getKey());
        }
        return true;
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
     * The errors {@code mesh lint} would report on the new contract under the repository's policies (the built-in
     * ones when {@code --dir} is no repository).
     *
     * @throws ContractException if the policies file is unreadable
     */
    private List<LintFinding> lint(Path file, String contract) {
        return new ContractLinter(PoliciesLookup.load(null, root.resolve("contracts")))
                .lint(file, contract).stream().filter(LintFinding::isError).toList();
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
