package io.meshwork.governance.lint;

import io.meshwork.core.contract.ContractException;
import io.meshwork.core.contract.ContractLoader;
import io.meshwork.core.contract.ContractProblem;
import io.meshwork.core.contract.Locations;
import io.meshwork.governance.lint.Policies.Policy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Lints contracts: every rule the contract loader enforces (a product could not start without them), every
 * {@link Policies policy}, and, across the files linted together, that product names and output topics are unique.
 * Findings come in file, line, column order.
 */
public final class ContractLinter {

    private static final Comparator<LintFinding> ORDER = Comparator.comparing((LintFinding f) -> f.file().toString())
            .thenComparingInt(LintFinding::line).thenComparingInt(LintFinding::column);

    private final Policies policies;

    public ContractLinter(Policies policies) {
        this.policies = policies;
    }

    /** Lints each file, then checks across them. */
    public List<LintFinding> lint(List<Path> files) {
        List<LintFinding> findings = new ArrayList<>();
        Map<String, Path> nameFiles = new HashMap<>();
        Map<String, Path> topicFiles = new HashMap<>();
        for (Path file : files) {
            JsonNode root = lintFile(file, findings);
            if (root != null) {
                unique(file, root, nameFiles, topicFiles, findings);
            }
        }
        findings.sort(ORDER);
        return findings;
    }

    /** Lints one contract's text as if read from {@code file}. */
    public List<LintFinding> lint(Path file, String text) {
        List<LintFinding> findings = new ArrayList<>();
        lintText(file, text, findings);
        findings.sort(ORDER);
        return findings;
    }

    private JsonNode lintFile(Path file, List<LintFinding> findings) {
        try {
            return lintText(file, Files.readString(file), findings);
        } catch (IOException e) {
            findings.add(LintFinding.of(new ContractProblem(file, 0, 0, "file", "cannot read: " + e.getMessage())));
            return null;
        }
    }

    /** The contract's tree, or null when it is not YAML at all. */
    private JsonNode lintText(Path file, String text, List<LintFinding> findings) {
        JsonNode root;
        try {
            root = ContractLoader.readTree(file, text);
        } catch (ContractException e) {
            e.problems().forEach(problem -> findings.add(LintFinding.of(problem)));
            return null;
        }
        try {
            ContractLoader.parse(file, text);
        } catch (ContractException e) {
            e.problems().forEach(problem -> findings.add(LintFinding.of(problem)));
        }
        if (root.isObject()) {
            new ContractPolicyCheck(file, policies, root, KeyPositions.of(text), findings).run();
        }
        return root;
    }

    private void unique(Path file, JsonNode root, Map<String, Path> nameFiles,
                        Map<String, Path> topicFiles, List<LintFinding> findings) {
        Severity severity = policies.severity(Policy.UNIQUE);
        JsonNode product = root.path("dataProduct");
        if (severity == Severity.OFF || !product.path("name").isString() || !product.path("domain").isString()) {
            return;
        }
        JsonNode name = product.get("name");
        Path other = nameFiles.putIfAbsent(name.asString(), file);
        if (other != null) {
            findings.add(finding(file, name, severity, "product name '" + name.asString() + "' is already used by "
                    + other + "; products are found by name, so names are unique across domains"));
        }
        JsonNode declared = root.path("ports").path("output").path("topic");
        String topic = declared.isString() ? declared.asString() : product.get("domain").asString() + "." + name.asString();
        Path publisher = topicFiles.putIfAbsent(topic, file);
        if (publisher != null) {
            findings.add(finding(file, declared.isString() ? declared : name, severity, "output topic '" + topic
                    + "' is already published by " + publisher));
        }
    }

    private static LintFinding finding(Path file, JsonNode at, Severity severity, String message) {
        return new LintFinding(file, Locations.line(at), Locations.column(at), severity, Policy.UNIQUE.id(), message);
    }

    /** Every contract file under {@code path} ({@code *.yaml} except the policies file), or the file itself. */
    public static List<Path> contractFiles(Path path) throws IOException {
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        try (var walk = Files.walk(path)) {
            return walk.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().endsWith(".yaml") || f.getFileName().toString().endsWith(".yml"))
                    .filter(f -> !f.getFileName().toString().equals(Policies.FILE_NAME))
                    .sorted()
                    .toList();
        }
    }
}
