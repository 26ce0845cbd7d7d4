package io.meshwork.core.lineage;

import io.openlineage.client.OpenLineage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import tools.jackson.databind.JsonNode;

/**
 * A contract's JSON Schema as the fields of an OpenLineage schema facet: one field per property with its JSON
 * type and description; object properties nest their fields, and an array's element is the nested field
 * {@code _element}, as the OpenLineage schema facet specifies.
 */
final class SchemaFields {

    private SchemaFields() {
    }

    /** The fields of the object {@code schema} describes. */
    static List<OpenLineage.SchemaDatasetFacetFields> of(OpenLineage ol, JsonNode schema) {
        List<OpenLineage.SchemaDatasetFacetFields> fields = new ArrayList<>();
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            fields.add(field(ol, property.getKey(), property.getValue()));
        }
        return fields;
    }

    private static OpenLineage.SchemaDatasetFacetFields field(OpenLineage ol, String name, JsonNode schema) {
        List<OpenLineage.SchemaDatasetFacetFields> nested = null;
        if (schema.has("properties")) {
            nested = of(ol, schema);
        } else if (schema.path("items").isObject()) {
            nested = List.of(field(ol, "_element", schema.get("items")));
        }
        String description = schema.path("description").isString() ? schema.get("description").asString().strip() : null;
        return ol.newSchemaDatasetFacetFieldsBuilder()
                .name(name)
                .type(type(schema))
                .description(description)
                .fields(nested)
                .build();
    }

    /** The JSON type, {@code string|null} for a union, the format when one is given ({@code string(date-time)}). */
    private static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        String base = type.isArray()
                ? StreamSupport.stream(type.spliterator(), false).map(JsonNode::asString).collect(Collectors.joining("|"))
                : type.isString() ? type.asString() : schema.has("properties") ? "object" : "any";
        return schema.path("format").isString() ? base + "(" + schema.get("format").asString() + ")" : base;
    }
}
