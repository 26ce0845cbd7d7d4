package io.meshwork.core.contract;

/**
 * One way a record breaks its contract.
 *
 * @param rule    the JSON Schema keyword that failed ({@code minimum}, {@code required}, {@code format}, ...)
 * @param path    JSON path of the offending value, e.g. {@code $.payload.totalAmount}
 * @param message what is wrong, as the validator words it
 */
public record Violation(String rule, String path, String message) {
}
