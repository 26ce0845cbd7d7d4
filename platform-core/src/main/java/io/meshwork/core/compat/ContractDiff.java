package io.meshwork.core.compat;

import io.meshwork.core.contract.Contract;
import io.meshwork.core.contract.Ports;
import io.meshwork.core.contract.Sla;
import io.meshwork.core.contract.ContractText;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * What changed between two versions of one contract, and whether the new version number allows it: the output
 * schema's changes ({@link SchemaCompatibility}) plus the promises consumers rely on beyond the schema (SLA,
 * classification, permissions, the output topic and its key, partitioning and retention), which break consumers in
 * every mode.
 *
 * @param oldVersion the old contract's version
 * @param newVersion the new contract's version
 * @param changes    every change, schema first
 */
public record ContractDiff(SemanticVersion oldVersion, SemanticVersion newVersion, List<Change> changes) {

    /**
     * Classification levels, least to most restricted, as the shipped {@code contracts/policies.yaml} allows them:
     * what a product checks its contract against at start, where no policies file is at hand.
     */
    public static final List<String> DEFAULT_CLASSIFICATIONS = List.of("public", "internal", "confidential", "restricted");

    public ContractDiff {
        changes = List.copyOf(changes);
    }

    /**
     * Compares two versions of a contract.
     *
     * @param classifications classification levels, least to most restricted (the policies' allowed list)
     */
    public static ContractDiff between(Contract older, Contract newer, List<String> classifications) {
        List<Change> changes = new ArrayList<>(SchemaCompatibility.compare(older.schema(), newer.schema()));
        sla(older.sla(), newer.sla(), changes);
        classification(older.access().classification(), newer.access().classification(), classifications, changes);
        permissions(older.access().requiredPermissions(), newer.access().requiredPermissions(), changes);
        output(older.ports().output(), newer.ports().output(), changes);
        return new ContractDiff(SemanticVersion.parse(older.version()), SemanticVersion.parse(newer.version()), changes);
    }

    /** The changes that break readers under {@code mode}. */
    public List<Change> breaking(CompatibilityMode mode) {
        return changes.stream().filter(change -> change.breaks(mode)).toList();
    }

    /**
     * Why the new version may not be published under {@code mode}; empty when it may: breaking changes need a major
     * version bump, any change needs some bump, and versions never go down.
     */
    public List<String> failures(CompatibilityMode mode) {
        List<String> failures = new ArrayList<>();
        List<Change> breaking = breaking(mode);
        if (newVersion.compareTo(oldVersion) < 0) {
            failures.add("version went down from " + oldVersion + " to " + newVersion);
        } else if (!breaking.isEmpty() && !oldVersion.allowsBreakingChangeTo(newVersion)) {
            failures.add(breaking.size() + " breaking change" + (breaking.size() == 1 ? "" : "s") + " (" + mode.label()
                    + ") without a major version bump: " + oldVersion + " -> " + newVersion + "; publish "
                    + oldVersion.nextBreaking() + " or later, or make the change compatible");
        } else if (!changes.isEmpty() && newVersion.equals(oldVersion)) {
            failures.add("the contract changed but its version is still " + oldVersion + "; bump it");
        }
        return failures;
    }

    private static void sla(Sla older, Sla newer, List<Change> changes) {
        compareTarget("sla.freshness", older.freshness(), newer.freshness(), (was, is) -> is.compareTo(was) > 0,
                ContractText::duration, changes);
        compareTarget("sla.availability", older.availability(), newer.availability(), (was, is) -> is < was,
                ContractText::percent, changes);
        compareTarget("sla.qualityScore", older.qualityScore(), newer.qualityScore(), (was, is) -> is < was,
                String::valueOf, changes);
    }

    private static <T> void compareTarget(String path, Optional<T> older, Optional<T> newer, BiPredicate<T, T> looser,
                                          Function<T, String> text, List<Change> changes) {
        if (older.equals(newer)) {
            return;
        }
        if (newer.isEmpty()) {
            changes.add(Change.breaking("sla-loosened", path, "target " + text.apply(older.get()) + " removed"));
        } else if (older.isEmpty()) {
            changes.add(Change.compatible("sla-tightened", path, "target " + text.apply(newer.get()) + " added"));
        } else if (looser.test(older.get(), newer.get())) {
            changes.add(Change.breaking("sla-loosened", path, "loosened from " + text.apply(older.get()) + " to "
                    + text.apply(newer.get())));
        } else {
            changes.add(Change.compatible("sla-tightened", path, "tightened from " + text.apply(older.get()) + " to "
                    + text.apply(newer.get())));
        }
    }

    private static void classification(String was, String is, List<String> levels, List<Change> changes) {
        if (was.equals(is)) {
            return;
        }
        int from = levels.indexOf(was);
        int to = levels.indexOf(is);
        String message = "classification " + was + " -> " + is;
        if (from < 0 || to < 0) {
            changes.add(Change.breaking("classification-changed", "access.classification", message
                    + "; consumers may lose access"));
        } else if (to > from) {
            changes.add(Change.breaking("classification-raised", "access.classification", message
                    + "; consumers cleared for " + was + " lose access"));
        } else {
            changes.add(Change.compatible("classification-lowered", "access.classification", message));
        }
    }

    private static void permissions(List<String> was, List<String> is, List<Change> changes) {
        is.stream().filter(p -> !was.contains(p)).forEach(p -> changes.add(Change.breaking("permission-added",
                "access.requiredPermissions", "consumers now also need permission " + p)));
        was.stream().filter(p -> !is.contains(p)).forEach(p -> changes.add(Change.compatible("permission-removed",
                "access.requiredPermissions", "consumers no longer need permission " + p)));
    }

    private static void output(Ports.Output was, Ports.Output is, List<Change> changes) {
        if (!was.topic().equals(is.topic())) {
            changes.add(Change.breaking("output-topic-changed", "ports.output.topic", "output topic " + was.topic()
                    + " -> " + is.topic() + "; subscribers of the old topic get nothing new"));
        }
        if (!was.key().equals(is.key())) {
            changes.add(Change.breaking("output-key-changed", "ports.output.key", "records keyed by "
                    + was.key().orElse("the upstream key") + " -> " + is.key().orElse("the upstream key")
                    + "; per-key order and compaction change"));
        }
        if (was.partitions() != is.partitions()) {
            changes.add(Change.breaking("output-partitions-changed", "ports.output.partitions", "partitions "
                    + was.partitions() + " -> " + is.partitions() + "; keys move to other partitions"));
        }
        if (was.cleanupPolicy() != is.cleanupPolicy()) {
            changes.add(Change.breaking("output-cleanup-changed", "ports.output.cleanupPolicy", "cleanup policy "
                    + was.cleanupPolicy() + " -> " + is.cleanupPolicy()));
        }
        if (was.retention().isPresent() && is.retention().isPresent()
                && is.retention().get().compareTo(was.retention().get()) < 0) {
            changes.add(Change.breaking("output-retention-shortened", "ports.output.retention", "retention "
                    + was.retention().get() + " -> " + is.retention().get() + "; consumers can replay less history"));
        }
    }
}
