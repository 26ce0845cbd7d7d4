package io.meshwork.cli.contracts;

import io.meshwork.core.json.Json;
import java.io.PrintWriter;
import tools.jackson.databind.JsonNode;

/** Machine-readable output of the governance commands: pretty-printed JSON. */
public final class JsonOutput {

    private JsonOutput() {
    }

    /** Prints {@code tree} and a newline. */
    public static void print(PrintWriter out, JsonNode tree) {
        out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(tree));
        out.flush();
    }
}
