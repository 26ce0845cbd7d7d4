package io.meshwork.cli.diff;

import io.meshwork.cli.contracts.PoliciesLookup;
import io.meshwork.core.contract.Contract;
import io.meshwork.core.contract.ContractException;
import io.meshwork.core.contract.ContractLoader;
import io.meshwork.core.contract.ContractLocator;
import io.meshwork.core.compat.CompatibilityMode;
import io.meshwork.core.compat.ContractDiff;
import io.meshwork.governance.lint.ContractLinter;
import io.meshwork.governance.lint.Policies;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mesh diff}: the breaking-change gate between two versions of contracts. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Compares contract versions and fails on a breaking change without a major version bump.",
                "  mesh diff OLD NEW              two contract files",
                "  mesh diff --against REF [PATH] every contract under PATH (default: the contracts folder) with its "
                        + "version at git REF",
                "Lists each change with its rule and JSON path; exits 1 if a version may not be published."})
public final class DiffCommand implements Callable<Integer> {

    /** The compatibility modes, as typed on the command line. */
    enum Mode { backward, forward, full }

    /** Output formats. */
    enum Format { text, json }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "OLD NEW, or with --against the contracts to check.")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--against", paramLabel = "REF", description = "Compare with the contracts at this git ref (e.g. origin/main).")
    String against;

    @Option(names = "--mode", defaultValue = "backward",
            description = "backward (new contract reads old records), forward (old consumers read new records) or full "
                    + "(default: ${DEFAULT-VALUE}).")
    Mode mode;

    @Option(names = "--transitive",
            description = "With --against: compare with every version in the git history of each file up to REF, "
                    + "not only the one at REF.")
    boolean transitive;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--policies", paramLabel = "FILE",
            description = "Policies file, for the order of classifications (default: the nearest policies.yaml).")
    Path policiesFile;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        CompatibilityMode compatibility = CompatibilityMode.valueOf(mode.name().toUpperCase(Locale.ROOT));
        try {
            List<DiffResult> results = against == null ? filePair(err) : againstRef(err);
            if (results == null) {
                return 2;
            }
            PrintWriter out = spec.commandLine().getOut();
            if (format == Format.json) {
                DiffPrinter.printJson(out, results, compatibility);
            } else {
                DiffPrinter.printText(out, results, compatibility);
            }
            return results.stream().allMatch(r -> r.failures(compatibility).isEmpty()) ? 0 : 1;
        } catch (ContractException e) {
            err.println(e.getMessage());
            return 2;
        } catch (GitHistory.GitException | IOException e) {
            err.println("mesh diff: " + e.getMessage());
            return 2;
        }
    }

    private List<DiffResult> filePair(PrintWriter err) {
        if (paths.size() != 2 || transitive) {
            err.println("mesh diff: give OLD and NEW contract files, or --against REF"
                    + (transitive ? " (--transitive needs --against)" : ""));
            return null;
        }
        Contract older = ContractLoader.load(paths.get(0));
        Contract newer = ContractLoader.load(paths.get(1));
        return List.of(DiffResult.compared(paths.get(1), paths.get(0).toString(),
                ContractDiff.between(older, newer, policies(paths.get(1)).classifications())));
    }

    private List<DiffResult> againstRef(PrintWriter err) throws IOException, GitHistory.GitException {
        List<Path> roots = paths.isEmpty() ? List.of(ContractLocator.fromEnvironment().contractsDir()) : paths;
        List<DiffResult> results = new ArrayList<>();
        for (Path root : roots) {
            if (!Files.exists(root)) {
                err.println("mesh diff: no such file or folder: " + root);
                return null;
            }
            List<String> classifications = policies(root).classifications();
            List<Path> current = ContractLinter.contractFiles(root);
            for (Path file : current) {
                results.addAll(compareWithHistory(file, classifications));
            }
            if (Files.isDirectory(root)) {
                Set<Path> removed = new LinkedHashSet<>(GitHistory.filesAt(against, root));
                current.forEach(file -> removed.remove(file.normalize()));
                removed.removeIf(file -> file.getFileName().toString().equals(Policies.FILE_NAME));
                removed.forEach(file -> results.add(DiffResult.removed(file, against)));
            }
        }
        return results;
    }

    private List<DiffResult> compareWithHistory(Path file, List<String> classifications) throws GitHistory.GitException {
        Contract newer = ContractLoader.load(file);
        List<String> versions = transitive ? GitHistory.commitsTouching(against, file) : List.of(against);
        List<DiffResult> results = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String version : versions) {
            Optional<String> text = GitHistory.show(version, file);
            if (text.isEmpty() || !seen.add(text.get())) {
                continue;
            }
            Contract older = ContractLoader.parse(file, text.get());
            String label = version.equals(against) ? against : version.substring(0, Math.min(12, version.length()));
            results.add(DiffResult.compared(file, label, ContractDiff.between(older, newer, classifications)));
        }
        if (results.isEmpty()) {
            results.add(DiffResult.added(file, against, newer.version()));
        }
        return results;
    }

    private Policies policies(Path near) {
        return PoliciesLookup.load(policiesFile, near);
    }
}
