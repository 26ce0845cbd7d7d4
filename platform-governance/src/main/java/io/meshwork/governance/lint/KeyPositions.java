package io.meshwork.governance.lint;

import java.util.HashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Line and column of every mapping key of a YAML document, by JSON pointer ({@code /schema/properties/id}). The
 * location-aware tree knows where values start; a finding about a key ("property 'id' has no description", "sla
 * has no freshness") reads better pointing at the key itself.
 */
final class KeyPositions {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private final Map<String, int[]> keys;

    private KeyPositions(Map<String, int[]> keys) {
        this.keys = keys;
    }

    /** The keys of {@code text}; empty when it is not YAML (the loader reports that). */
    static KeyPositions of(String text) {
        Map<String, int[]> keys = new HashMap<>();
        try (JsonParser parser = YAML.createParser(text)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.PROPERTY_NAME) {
                    TokenStreamLocation at = parser.currentTokenLocation();
                    keys.put(parser.streamReadContext().pathAsPointer().toString(),
                            new int[] {at.getLineNr(), at.getColumnNr()});
                }
            }
        } catch (JacksonException e) {
            // keep the keys read so far
        }
        return new KeyPositions(keys);
    }

    /** Line of the key at {@code pointer}, 0 when there is none. */
    int line(String pointer) {
        return keys.getOrDefault(pointer, new int[2])[0];
    }

    /** Column of the key at {@code pointer}, 0 when there is none. */
    int column(String pointer) {
        return keys.getOrDefault(pointer, new int[2])[1];
    }

    /** Whether the document has a key at {@code pointer}. */
    boolean has(String pointer) {
        return keys.containsKey(pointer);
    }

    /** The pointer of key {@code name} inside the mapping at {@code parent}. */
    static String child(String parent, String name) {
        return parent + "/" + name.replace("~", "~0").replace("/", "~1");
    }
}
