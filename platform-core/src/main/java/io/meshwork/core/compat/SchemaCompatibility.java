package io.meshwork.core.compat;

import io.meshwork.core.contract.JsonPaths;
import io.meshwork.core.contract.SchemaKeywords;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Compares two JSON Schemas (draft 2020-12) keyword by keyword and lists every change with the direction it
 * breaks: narrowing (the new schema rejects records the old one accepted) breaks {@link CompatibilityMode#BACKWARD},
 * widening breaks {@link CompatibilityMode#FORWARD}.
 *
 * <p>Content models matter, as in Confluent Schema Registry: a property removed from a <em>closed</em> model
 * ({@code additionalProperties: false}) narrows, removed from an <em>open</em> one it widens (the name may now carry
 * anything); a property added to a closed model widens, added to an open one it narrows (the name was free before).
 * When {@code additionalProperties} or {@code patternProperties} is a schema, the property is compared with it.
 *
 * <p>Local {@code $ref}s ({@code #/$defs/...}) are followed. Keywords whose effect cannot be decided structurally
 * ({@code allOf}, {@code anyOf}, {@code oneOf}, {@code not}, {@code if}/{@code then}/{@code else}, dependent and
 * unevaluated keywords, remote {@code $ref}s) are reported as {@code composition-changed}, breaking both ways, when
 * they change at all. Annotations ({@code description}, {@code title}, {@code default}, ...) are ignored.
 */
public final class SchemaCompatibility {

    private static final JsonNode ANYTHING = JsonNodeFactory.instance.objectNode();
    private static final Set<String> LOWER_BOUNDS = Set.of("minimum", "exclusiveMinimum", "minLength", "minItems",
            "minProperties", "minContains");
    private static final Set<String> UPPER_BOUNDS = Set.of("maximum", "exclusiveMaximum", "maxLength", "maxItems",
            "maxProperties", "maxContains");
    private static final List<String> BOUNDS = List.of("minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum",
            "minLength", "maxLength", "minItems", "maxItems", "minProperties", "maxProperties", "minContains", "maxContains");
    private static final List<String> UNDECIDED = List.of("allOf", "anyOf", "oneOf", "not", "if", "then", "else",
            "dependentSchemas", "dependentRequired", "unevaluatedProperties", "unevaluatedItems", "contains");
    private static final int MAX_REF_DEPTH = 32;

    private final JsonNode oldRoot;
    private final JsonNode newRoot;
    private final Set<String> comparing;
    private final List<Change> changes = new ArrayList<>();

    private SchemaCompatibility(JsonNode oldRoot, JsonNode newRoot, Set<String> comparing) {
        this.oldRoot = oldRoot;
        this.newRoot = newRoot;
        this.comparing = comparing;
    }

    /** Every change from {@code oldSchema} to {@code newSchema}, in schema order; empty when they accept the same records. */
    public static List<Change> compare(JsonNode oldSchema, JsonNode newSchema) {
        SchemaCompatibility comparison = new SchemaCompatibility(oldSchema, newSchema, new HashSet<>());
        comparison.compare(oldSchema, newSchema, JsonPaths.ROOT);
        return List.copyOf(comparison.changes);
    }

    private void compare(JsonNode oldSchema, JsonNode newSchema, String path) {
        String refs = ref(oldSchema) + "|" + ref(newSchema);
        boolean followsRefs = !refs.equals("|");
        if (followsRefs && !comparing.add(refs)) {
            return; // a recursive schema: this pair of definitions is already being compared further up
        }
        try {
            compareResolved(resolve(oldSchema, oldRoot), resolve(newSchema, newRoot), path);
        } finally {
            if (followsRefs) {
                comparing.remove(refs);
            }
        }
    }

    private void compareResolved(JsonNode o, JsonNode n, String path) {
        boolean oldNothing = acceptsNothing(o);
        boolean newNothing = acceptsNothing(n);
        if (oldNothing || newNothing) {
            if (newNothing && !oldNothing) {
                changes.add(new Change("schema-narrowed", path, "no value is accepted any more", true, false));
            } else if (oldNothing && !newNothing) {
                changes.add(new Change("schema-widened", path, "values are accepted where none were", false, true));
            }
            return;
        }
        o = asObject(o);
        n = asObject(n);
        types(o, n, path);
        enums(o, n, path);
        format(o, n, path);
        bounds(o, n, path);
        pattern(o, n, path);
        multipleOf(o, n, path);
        uniqueItems(o, n, path);
        required(o, n, path);
        properties(o, n, path);
        patternProperties(o, n, path);
        contentModel(o, n, path);
        if (o.has("propertyNames") || n.has("propertyNames")) {
            compare(o.path("propertyNames").isMissingNode() ? ANYTHING : o.get("propertyNames"),
                    n.path("propertyNames").isMissingNode() ? ANYTHING : n.get("propertyNames"), path + "{names}");
        }
        items(o, n, path);
        undecided(o, n, path);
    }

    private void types(JsonNode o, JsonNode n, String path) {
        Set<String> oldTypes = types(o);
        Set<String> newTypes = types(n);
        if (Objects.equals(oldTypes, newTypes)) {
            return;
        }
        boolean narrowed = oldTypes == null || oldTypes.stream().anyMatch(t -> !covers(newTypes, t));
        boolean widened = newTypes == null || newTypes.stream().anyMatch(t -> !covers(oldTypes, t));
        String was = oldTypes == null ? "any type" : String.join(", ", oldTypes);
        String is = newTypes == null ? "any type" : String.join(", ", newTypes);
        if (narrowed && widened) {
            changes.add(new Change("type-changed", path, "type changed from " + was + " to " + is, true, true));
        } else if (narrowed) {
            changes.add(new Change("type-narrowed", path, "type narrowed from " + was + " to " + is, true, false));
        } else if (widened) {
            changes.add(new Change("type-widened", path, "type widened from " + was + " to " + is, false, true));
        }
    }

    /** The declared types, or null for any type. */
    private static Set<String> types(JsonNode schema) {
        JsonNode type = schema.get("type");
        if (type == null) {
            return null;
        }
        Set<String> types = new TreeSet<>();
        if (type.isArray()) {
            type.forEach(t -> types.add(t.asString()));
        } else {
            types.add(type.asString());
        }
        return types;
    }

    private static boolean covers(Set<String> types, String type) {
        return types == null || types.contains(type) || (type.equals("integer") && types.contains("number"));
    }

    private void enums(JsonNode o, JsonNode n, String path) {
        Set<String> oldValues = enumValues(o);
        Set<String> newValues = enumValues(n);
        if (Objects.equals(oldValues, newValues)) {
            return;
        }
        if (oldValues == null) {
            changes.add(new Change("enum-added", path, "values restricted to " + newValues, true, false));
        } else if (newValues == null) {
            changes.add(new Change("enum-removed", path, "values no longer restricted to " + oldValues, false, true));
        } else {
            Set<String> removed = new LinkedHashSet<>(oldValues);
            removed.removeAll(newValues);
            Set<String> added = new LinkedHashSet<>(newValues);
            added.removeAll(oldValues);
            if (!removed.isEmpty()) {
                changes.add(new Change("enum-value-removed", path, "no longer accepted: " + removed, true, false));
            }
            if (!added.isEmpty()) {
                changes.add(new Change("enum-value-added", path, "newly accepted: " + added, false, true));
            }
        }
    }

    /** The allowed values of {@code enum} or {@code const}, as canonical JSON text; null when any value goes. */
    private static Set<String> enumValues(JsonNode schema) {
        if (schema.has("const")) {
            return Set.of(canonical(schema.get("const")));
        }
        JsonNode values = schema.get("enum");
        if (values == null || !values.isArray()) {
            return null;
        }
        Set<String> set = new LinkedHashSet<>();
        values.forEach(v -> set.add(canonical(v)));
        return set;
    }

    private static String canonical(JsonNode value) {
        return value.isNumber() ? value.decimalValue().stripTrailingZeros().toPlainString() : value.toString();
    }

    private void format(JsonNode o, JsonNode n, String path) {
        String was = o.path("format").asString(null);
        String is = n.path("format").asString(null);
        if (Objects.equals(was, is)) {
            return;
        }
        if (was == null) {
            changes.add(new Change("format-added", path, "format " + is + " is now required", true, false));
        } else if (is == null) {
            changes.add(new Change("format-removed", path, "format " + was + " is no longer required", false, true));
        } else {
            changes.add(new Change("format-changed", path, "format changed from " + was + " to " + is, true, true));
        }
    }

    private void bounds(JsonNode o, JsonNode n, String path) {
        for (String keyword : BOUNDS) {
            BigDecimal was = number(o.get(keyword));
            BigDecimal is = number(n.get(keyword));
            if (Objects.equals(was, is) || (was != null && is != null && was.compareTo(is) == 0)) {
                continue;
            }
            boolean lower = LOWER_BOUNDS.contains(keyword);
            boolean tightened = was == null || (is != null && (lower ? is.compareTo(was) > 0 : is.compareTo(was) < 0));
            String what = was == null ? keyword + " " + plain(is) + " added"
                    : is == null ? keyword + " " + plain(was) + " removed"
                    : keyword + (is.compareTo(was) > 0 ? " raised" : " lowered") + " from " + plain(was) + " to " + plain(is);
            bound(tightened, path, what);
        }
    }

    private void pattern(JsonNode o, JsonNode n, String path) {
        String was = o.path("pattern").asString(null);
        String is = n.path("pattern").asString(null);
        if (Objects.equals(was, is)) {
            return;
        }
        if (was == null || is == null) {
            bound(was == null, path, "pattern " + (was == null ? is + " added" : was + " removed"));
        } else {
            changes.add(new Change("pattern-changed", path, "pattern changed from " + was + " to " + is, true, true));
        }
    }

    private void multipleOf(JsonNode o, JsonNode n, String path) {
        BigDecimal was = number(o.get("multipleOf"));
        BigDecimal is = number(n.get("multipleOf"));
        if (Objects.equals(was, is) || (was != null && is != null && was.compareTo(is) == 0)) {
            return;
        }
        if (was == null || is == null) {
            bound(was == null, path, "multipleOf " + plain(was == null ? is : was) + (was == null ? " added" : " removed"));
        } else if (was.remainder(is).signum() == 0) {
            bound(false, path, "multipleOf relaxed from " + plain(was) + " to " + plain(is));
        } else if (is.remainder(was).signum() == 0) {
            bound(true, path, "multipleOf tightened from " + plain(was) + " to " + plain(is));
        } else {
            changes.add(new Change("bounds-changed", path, "multipleOf changed from " + plain(was) + " to " + plain(is),
                    true, true));
        }
    }

    private void uniqueItems(JsonNode o, JsonNode n, String path) {
        boolean was = o.path("uniqueItems").asBoolean(false);
        boolean is = n.path("uniqueItems").asBoolean(false);
        if (was != is) {
            bound(is, path, "uniqueItems " + (is ? "added" : "removed"));
        }
    }

    private void bound(boolean tightened, String path, String what) {
        changes.add(tightened ? new Change("bounds-tightened", path, what, true, false)
                : new Change("bounds-loosened", path, what, false, true));
    }

    private void required(JsonNode o, JsonNode n, String path) {
        Set<String> was = names(o.get("required"));
        Set<String> is = names(n.get("required"));
        for (String name : is) {
            if (!was.contains(name)) {
                changes.add(new Change("required-added", JsonPaths.property(path, name),
                        "property '" + name + "' is now required", true, false));
            }
        }
        for (String name : was) {
            if (!is.contains(name)) {
                changes.add(new Change("required-removed", JsonPaths.property(path, name),
                        "property '" + name + "' is no longer required", false, true));
            }
        }
    }

    private void properties(JsonNode o, JsonNode n, String path) {
        JsonNode was = o.path("properties");
        JsonNode is = n.path("properties");
        for (Map.Entry<String, JsonNode> property : was.properties()) {
            String name = property.getKey();
            String at = JsonPaths.property(path, name);
            if (is.has(name)) {
                compare(property.getValue(), is.get(name), at);
            } else {
                JsonNode nowGovernedBy = governing(n, name);
                nested("property-removed", property.getValue(), nowGovernedBy, at,
                        "property '" + name + "' removed from " + model(nowGovernedBy, "records that carry it are rejected",
                                "it may now carry any value"));
            }
        }
        for (Map.Entry<String, JsonNode> property : is.properties()) {
            String name = property.getKey();
            if (!was.has(name)) {
                JsonNode wasGovernedBy = governing(o, name);
                nested("property-added", wasGovernedBy, property.getValue(), JsonPaths.property(path, name),
                        "property '" + name + "' added to " + model(wasGovernedBy,
                                "consumers of the old contract reject records that carry it",
                                "records that carried other values under this name are rejected"));
            }
        }
    }

    private void patternProperties(JsonNode o, JsonNode n, String path) {
        JsonNode was = o.path("patternProperties");
        JsonNode is = n.path("patternProperties");
        for (Map.Entry<String, JsonNode> pattern : was.properties()) {
            String at = path + "[/" + pattern.getKey() + "/]";
            if (is.has(pattern.getKey())) {
                compare(pattern.getValue(), is.get(pattern.getKey()), at);
            } else {
                JsonNode nowGovernedBy = additional(n);
                nested("property-removed", pattern.getValue(), nowGovernedBy, at, "properties matching /"
                        + pattern.getKey() + "/ removed from " + model(nowGovernedBy, "records that carry them are rejected",
                        "they may now carry any value"));
            }
        }
        for (Map.Entry<String, JsonNode> pattern : is.properties()) {
            if (!was.has(pattern.getKey())) {
                JsonNode wasGovernedBy = additional(o);
                nested("property-added", wasGovernedBy, pattern.getValue(), path + "[/" + pattern.getKey() + "/]",
                        "properties matching /" + pattern.getKey() + "/ added to " + model(wasGovernedBy,
                                "consumers of the old contract reject records that carry them",
                                "records that carried other values under such names are rejected"));
            }
        }
    }

    private void contentModel(JsonNode o, JsonNode n, String path) {
        JsonNode was = additional(o);
        JsonNode is = additional(n);
        if (acceptsNothing(is) && !acceptsNothing(was)) {
            changes.add(new Change("content-model-closed", path, "additionalProperties: false; records with properties "
                    + "the schema does not name are rejected", true, false));
        } else if (acceptsNothing(was) && !acceptsNothing(is)) {
            changes.add(new Change("content-model-opened", path, "additional properties are now accepted; consumers of "
                    + "the old contract reject records that carry them", false, true));
        } else if (!acceptsNothing(was) && !(isAnything(was) && isAnything(is))) {
            compare(was, is, path + ".*");
        }
    }

    private void items(JsonNode o, JsonNode n, String path) {
        JsonNode oldPrefix = o.path("prefixItems");
        JsonNode newPrefix = n.path("prefixItems");
        JsonNode oldItems = o.has("items") ? o.get("items") : ANYTHING;
        JsonNode newItems = n.has("items") ? n.get("items") : ANYTHING;
        if (oldItems.isArray() || newItems.isArray()) { // draft-07 tuple form
            if (!stripped(oldItems).equals(stripped(newItems))) {
                changes.add(new Change("composition-changed", path, "tuple items changed", true, true));
            }
            return;
        }
        int positions = Math.max(oldPrefix.size(), newPrefix.size());
        for (int i = 0; i < positions; i++) {
            compare(i < oldPrefix.size() ? oldPrefix.get(i) : oldItems, i < newPrefix.size() ? newPrefix.get(i) : newItems,
                    path + "[" + i + "]");
        }
        if (o.has("items") || n.has("items")) {
            compare(oldItems, newItems, JsonPaths.items(path));
        }
    }

    private void undecided(JsonNode o, JsonNode n, String path) {
        for (String keyword : UNDECIDED) {
            if (!stripped(only(o, keyword)).equals(stripped(only(n, keyword)))) {
                changes.add(new Change("composition-changed", path, keyword + " changed; its effect cannot be decided "
                        + "structurally, so it counts as breaking", true, true));
            }
        }
        String oldRef = ref(o);
        String newRef = ref(n);
        if (!oldRef.equals(newRef) && (!oldRef.startsWith("#") || !newRef.startsWith("#"))) {
            changes.add(new Change("composition-changed", path, "$ref changed from '" + oldRef + "' to '" + newRef + "'",
                    true, true));
        }
    }

    /** Compares {@code was} with {@code is} and reports the outcome as one change named {@code rule}. */
    private void nested(String rule, JsonNode was, JsonNode is, String path, String message) {
        SchemaCompatibility inner = new SchemaCompatibility(oldRoot, newRoot, comparing);
        inner.compare(was, is, path);
        boolean backward = inner.changes.stream().anyMatch(Change::breaksBackward);
        boolean forward = inner.changes.stream().anyMatch(Change::breaksForward);
        String detail = inner.changes.isEmpty() || acceptsNothing(was) || acceptsNothing(is) || isAnything(was)
                || isAnything(is) ? "" : " (" + inner.changes.stream().map(Change::message).collect(Collectors.joining("; ")) + ")";
        changes.add(new Change(rule, path, message + detail, backward, forward));
    }

    private String model(JsonNode governing, String closed, String open) {
        if (acceptsNothing(governing)) {
            return "a closed model: " + closed;
        }
        return isAnything(governing) ? "an open model: " + open : "a model whose other properties follow a schema";
    }

    /** The schema that a property {@code name} not listed under {@code properties} must match. */
    private static JsonNode governing(JsonNode schema, String name) {
        for (Map.Entry<String, JsonNode> pattern : schema.path("patternProperties").properties()) {
            try {
                if (Pattern.compile(pattern.getKey()).matcher(name).find()) {
                    return pattern.getValue();
                }
            } catch (PatternSyntaxException e) {
                // an invalid pattern governs nothing; the contract loader reports it
            }
        }
        return additional(schema);
    }

    private static JsonNode additional(JsonNode schema) {
        return schema.has("additionalProperties") ? schema.get("additionalProperties") : ANYTHING;
    }

    private JsonNode resolve(JsonNode schema, JsonNode root) {
        JsonNode current = schema;
        for (int depth = 0; depth < MAX_REF_DEPTH && ref(current).startsWith("#"); depth++) {
            JsonNode target = root.at(JsonPointer.compile(ref(current).substring(1)));
            if (target.isMissingNode()) {
                return current;
            }
            if (target.isObject()) {
                ObjectNode merged = ((ObjectNode) target).deepCopy();
                current.properties().stream().filter(e -> !e.getKey().equals("$ref")).forEach(e -> merged.set(e.getKey(), e.getValue()));
                current = merged;
            } else {
                current = target;
            }
        }
        return current;
    }

    private static String ref(JsonNode schema) {
        return schema != null && schema.isObject() && schema.path("$ref").isString() ? schema.get("$ref").asString() : "";
    }

    private static boolean acceptsNothing(JsonNode schema) {
        return schema.isBoolean() && !schema.asBoolean()
                || schema.isObject() && schema.size() == 1 && schema.path("not").isObject() && isAnything(schema.get("not"));
    }

    private static boolean isAnything(JsonNode schema) {
        return schema.isBoolean() ? schema.asBoolean() : schema.isObject() && stripped(schema).isEmpty();
    }

    private static JsonNode asObject(JsonNode schema) {
        return schema.isObject() ? schema : ANYTHING;
    }

    /** A schema of {@code keyword} alone, as in {@code schema}. */
    private static JsonNode only(JsonNode schema, String keyword) {
        ObjectNode only = JsonNodeFactory.instance.objectNode();
        if (schema.has(keyword)) {
            only.set(keyword, schema.get(keyword));
        }
        return only;
    }

    /** {@code schema} without annotations, at any depth, for structural equality. */
    private static JsonNode stripped(JsonNode schema) {
        if (schema == null || !schema.isObject()) {
            return schema;
        }
        ObjectNode copy = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> keyword : schema.properties()) {
            String name = keyword.getKey();
            JsonNode value = keyword.getValue();
            if (SchemaKeywords.ANNOTATIONS.contains(name)) {
                continue;
            }
            if (SchemaKeywords.SCHEMA_MAPS.contains(name) && value.isObject()) {
                ObjectNode map = copy.putObject(name);
                value.properties().forEach(e -> map.set(e.getKey(), stripped(e.getValue())));
            } else if (SchemaKeywords.SCHEMA_LISTS.contains(name) && value.isArray()) {
                var list = copy.putArray(name);
                value.forEach(item -> list.add(stripped(item)));
            } else if (SchemaKeywords.SCHEMA_VALUES.contains(name)) {
                copy.set(name, stripped(value));
            } else {
                copy.set(name, value);
            }
        }
        return copy;
    }

    private static Set<String> names(JsonNode list) {
        Set<String> names = new LinkedHashSet<>();
        if (list != null && list.isArray()) {
            list.forEach(name -> names.add(name.asString()));
        }
        return names;
    }

    private static BigDecimal number(JsonNode node) {
        return node != null && node.isNumber() ? node.decimalValue() : null;
    }

    private static String plain(BigDecimal number) {
        return number.stripTrailingZeros().toPlainString();
    }
}
