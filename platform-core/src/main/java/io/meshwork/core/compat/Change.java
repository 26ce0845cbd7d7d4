package io.meshwork.core.compat;

/**
 * One difference between two versions of a contract.
 *
 * @param rule           stable name of the rule that fired, e.g. {@code required-added}, {@code sla-loosened}
 * @param path           where: a record path for schema changes ({@code $.items[*].price}), a contract path for
 *                       the rest ({@code sla.freshness})
 * @param message        what changed and why it matters
 * @param breaksBackward whether records already written under the old contract may fail the new one (narrowing)
 * @param breaksForward  whether consumers of the old contract may fail on records written under the new one (widening)
 */
public record Change(String rule, String path, String message, boolean breaksBackward, boolean breaksForward) {

    /** A change that breaks readers whatever the mode: consumer-facing promises such as SLA and access. */
    static Change breaking(String rule, String path, String message) {
        return new Change(rule, path, message, true, true);
    }

    /** A change worth listing that breaks no reader. */
    static Change compatible(String rule, String path, String message) {
        return new Change(rule, path, message, false, false);
    }

    /** Whether this change breaks readers under {@code mode}. */
    public boolean breaks(CompatibilityMode mode) {
        return switch (mode) {
            case BACKWARD -> breaksBackward;
            case FORWARD -> breaksForward;
            case FULL -> breaksBackward || breaksForward;
        };
    }
}
