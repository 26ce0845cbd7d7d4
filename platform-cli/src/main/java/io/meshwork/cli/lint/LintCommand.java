package io.meshwork.cli.lint;

import io.meshwork.cli.contracts.PoliciesLookup;
import io.meshwork.core.DataProduct;
import io.meshwork.core.contract.Contract;
import io.meshwork.core.contract.ContractException;
import io.meshwork.core.contract.ContractLoader;
import io.meshwork.core.contract.ContractLocator;
import io.meshwork.governance.lint.ContractLinter;
import io.meshwork.governance.lint.LintFinding;
import io.meshwork.governance.lint.Policies;
import io.meshwork.governance.lint.TopologyLint;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mesh lint}: every contract against the global policies, reported like compiler errors. */
@Command(name = "lint", mixinStandardHelpOptions = true,
        description = {"Checks contracts against contracts/policies.yaml and the contract rules.",
                "Prints file:line:column: rule: message for each problem; exits 1 if there is any error."})
public final class LintCommand implements Callable<Integer> {

    /** Output formats. */
    enum Format { text, json, junit }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "0..*",
            description = "Contract files or folders (default: the contracts folder).")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--policies", paramLabel = "FILE",
            description = "Policies file (default: the nearest policies.yaml at or above the first path).")
    Path policiesFile;

    @Option(names = "--format", defaultValue = "text", description = "text, json or junit (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--with-topologies",
            description = "Also assemble every data product on the classpath and check its topology reads and writes "
                    + "only the topics its contract declares.")
    boolean withTopologies;

    private final Supplier<Iterable<DataProduct>> products;

    public LintCommand() {
        this(() -> ServiceLoader.load(DataProduct.class));
    }

    /** With the products {@code --with-topologies} checks, for tests. */
    LintCommand(Supplier<Iterable<DataProduct>> products) {
        this.products = products;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        List<Path> roots = paths.isEmpty() ? List.of(ContractLocator.fromEnvironment().contractsDir()) : paths;
        List<Path> files = new ArrayList<>();
        try {
            for (Path root : roots) {
                if (!Files.exists(root)) {
                    err.println("mesh lint: no such file or folder: " + root);
                    return 2;
                }
                files.addAll(ContractLinter.contractFiles(root));
            }
        } catch (IOException e) {
            err.println("mesh lint: " + e.getMessage());
            return 2;
        }
        Policies policies;
        try {
            policies = PoliciesLookup.load(policiesFile, roots.get(0));
        } catch (ContractException e) {
            err.println(e.getMessage());
            return 2;
        }
        List<LintFinding> findings = new ArrayList<>(new ContractLinter(policies).lint(files));
        if (withTopologies) {
            findings.addAll(TopologyLint.check(products.get(), loadable(files)));
        }
        LintReport report = new LintReport(files, findings);
        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case json -> report.printJson(out);
            case junit -> report.printJunit(out);
            default -> report.printText(out);
        }
        out.flush();
        return report.errors() > 0 ? 1 : 0;
    }

    /** The contracts that load; the others are already reported. */
    private static List<Contract> loadable(List<Path> files) {
        List<Contract> contracts = new ArrayList<>();
        for (Path file : files) {
            try {
                contracts.add(ContractLoader.load(file));
            } catch (ContractException e) {
                // reported by the linter
            }
        }
        return contracts;
    }
}
