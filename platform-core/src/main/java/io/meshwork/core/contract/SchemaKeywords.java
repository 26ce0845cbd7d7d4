package io.meshwork.core.contract;

import java.util.Set;

/** JSON Schema (2020-12) keywords by the shape of their value, for code that walks or compares schemas. */
public final class SchemaKeywords {

    /** Keywords whose value maps names to subschemas. */
    public static final Set<String> SCHEMA_MAPS = Set.of("properties", "patternProperties", "$defs", "definitions",
            "dependentSchemas");
    /** Keywords whose value is one subschema. */
    public static final Set<String> SCHEMA_VALUES = Set.of("additionalProperties", "unevaluatedProperties", "items",
            "unevaluatedItems", "contains", "propertyNames", "not", "if", "then", "else", "additionalItems");
    /** Keywords whose value is a list of subschemas. */
    public static final Set<String> SCHEMA_LISTS = Set.of("allOf", "anyOf", "oneOf", "prefixItems");
    /** Keywords that only annotate: changing them changes no record's validity. */
    public static final Set<String> ANNOTATIONS = Set.of("title", "description", "examples", "default", "$comment",
            "deprecated", "readOnly", "writeOnly", "$id", "$schema", "$anchor", "contentMediaType", "contentEncoding");

    private SchemaKeywords() {
    }
}
