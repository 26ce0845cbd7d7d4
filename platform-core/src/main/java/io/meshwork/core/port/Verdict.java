package io.meshwork.core.port;

import io.meshwork.core.validation.Violation;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A record as the output port judged it: its JSON tree, and the contract violations found (none when valid).
 */
record Verdict(JsonNode tree, List<Violation> violations) {

    boolean valid() {
        return violations.isEmpty();
    }
}
