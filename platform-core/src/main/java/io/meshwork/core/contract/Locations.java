package io.meshwork.core.contract;

import com.networknt.schema.utils.JsonNodes;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;

/** Line and column of a node read by the location-aware contract reader. */
final class Locations {

    private Locations() {
    }

    static int line(JsonNode node) {
        TokenStreamLocation location = node == null ? null : JsonNodes.tokenStreamLocationOf(node);
        return location == null ? 0 : Math.max(location.getLineNr(), 0);
    }

    static int column(JsonNode node) {
        TokenStreamLocation location = node == null ? null : JsonNodes.tokenStreamLocationOf(node);
        return location == null ? 0 : Math.max(location.getColumnNr(), 0);
    }
}
