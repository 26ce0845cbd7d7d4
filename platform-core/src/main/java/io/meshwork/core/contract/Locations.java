package io.meshwork.core.contract;

import com.networknt.schema.utils.JsonNodes;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;

/** Line and column of a node read by the location-aware contract reader. */
public final class Locations {

    private Locations() {
    }

    /** 1-based line of {@code node} in its source file, or 0 when unknown. */
    public static int line(JsonNode node) {
        TokenStreamLocation location = node == null ? null : JsonNodes.tokenStreamLocationOf(node);
        return location == null ? 0 : Math.max(location.getLineNr(), 0);
    }

    /** 1-based column of {@code node} in its source file, or 0 when unknown. */
    public static int column(JsonNode node) {
        TokenStreamLocation location = node == null ? null : JsonNodes.tokenStreamLocationOf(node);
        return location == null ? 0 : Math.max(location.getColumnNr(), 0);
    }
}
