package io.meshwork.cli.generate;

import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * The YAML of generated Kubernetes and Prometheus files: minimal quotes (but strings that read as numbers are quoted),
 * multi-line strings as literal blocks.
 */
final class Yaml {

    private static final YAMLMapper MAPPER = YAMLMapper.builder()
            .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
            // A string stays a string: Kubernetes rejects `value: 8080` where it wants "8080" (an env value, a label).
            .enable(YAMLWriteFeature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLWriteFeature.LITERAL_BLOCK_STYLE)
            .disable(YAMLWriteFeature.SPLIT_LINES)
            .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
            .build();

    private Yaml() {
    }

    /** One document, without a leading {@code ---}. */
    static String write(JsonNode document) {
        return MAPPER.writeValueAsString(document);
    }
}
