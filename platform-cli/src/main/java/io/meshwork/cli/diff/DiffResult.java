package io.meshwork.cli.diff;

import io.meshwork.core.compat.CompatibilityMode;
import io.meshwork.core.compat.ContractDiff;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One comparison of {@code mesh diff}: a contract against one earlier version, a contract new since the ref, or one
 * removed since it.
 *
 * @param file    the contract file
 * @param against what it was compared with: the old file, a git ref or a commit
 * @param diff    the comparison, when both versions exist
 * @param note    what happened otherwise
 * @param removed whether the contract was removed (which breaks every consumer)
 */
record DiffResult(Path file, String against, Optional<ContractDiff> diff, String note, boolean removed) {

    static DiffResult compared(Path file, String against, ContractDiff diff) {
        return new DiffResult(file, against, Optional.of(diff), "", false);
    }

    static DiffResult added(Path file, String against, String version) {
        return new DiffResult(file, against, Optional.empty(), "new contract at " + version + "; nothing to compare", false);
    }

    static DiffResult removed(Path file, String against) {
        return new DiffResult(file, against, Optional.empty(), "contract removed; its consumers lose the product", true);
    }

    /** Why this comparison fails under {@code mode}; empty when it passes. */
    List<String> failures(CompatibilityMode mode) {
        if (removed) {
            return List.of(note);
        }
        return diff.map(d -> d.failures(mode)).orElse(List.of());
    }
}
