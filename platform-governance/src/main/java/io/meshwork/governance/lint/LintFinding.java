package io.meshwork.governance.lint;

import io.meshwork.core.contract.ContractProblem;
import java.nio.file.Path;

/**
 * One thing {@code mesh lint} reports about a contract, located like a compiler diagnostic.
 *
 * @param file     the contract file
 * @param line     1-based line, 0 when unknown
 * @param column   1-based column, 0 when unknown
 * @param severity error or warning
 * @param rule     the policy or contract rule broken, e.g. {@code classification} or {@code sla-freshness}
 * @param message  what is wrong, in words a contract author can act on
 */
public record LintFinding(Path file, int line, int column, Severity severity, String rule, String message) {

    /** A contract-loader problem: always an error, because the product could not start with it. */
    static LintFinding of(ContractProblem problem) {
        return new LintFinding(problem.file(), problem.line(), problem.column(), Severity.ERROR, problem.rule(),
                problem.message());
    }

    /** Whether this finding fails the lint. */
    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code file:line:column: rule: message}, with {@code warning: } before the rule for a warning. */
    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + (isError() ? "" : "warning: ") + rule + ": " + message;
    }
}
