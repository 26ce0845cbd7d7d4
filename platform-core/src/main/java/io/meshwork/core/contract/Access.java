package io.meshwork.core.contract;

import java.util.List;

/**
 * Who may read the product.
 *
 * @param classification      data classification, e.g. {@code public}, {@code internal}, {@code confidential}
 * @param requiredPermissions permissions a consumer must hold, all of them
 */
public record Access(String classification, List<String> requiredPermissions) {

    public Access {
        requiredPermissions = List.copyOf(requiredPermissions);
    }

    /** The access block assumed when a contract has none. */
    public static Access internalDefault() {
        return new Access("internal", List.of());
    }
}
