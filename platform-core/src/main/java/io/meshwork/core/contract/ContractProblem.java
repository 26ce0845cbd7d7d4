package io.meshwork.core.contract;

import java.nio.file.Path;

/**
 * One thing wrong with a contract file, located like a compiler error.
 *
 * @param file   the contract file
 * @param line   1-based line, or 0 when unknown
 * @param column 1-based column, or 0 when unknown
 * @param rule   short, stable name of the rule broken (for example {@code yaml-syntax}, {@code sla-freshness})
 * @param message what is wrong, in words a contract author can act on
 */
public record ContractProblem(Path file, int line, int column, String rule, String message) {

    /** {@code file:line:column: rule: message}, the form editors and CI logs link to. */
    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + rule + ": " + message;
    }
}
