package io.meshwork.core.contract;

import io.meshwork.core.json.Json;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;

/**
 * The fast path of {@link RecordValidator}: the JSON Schema keywords data contracts use (type, properties, required,
 * additionalProperties, items, enum, const, bounds, lengths, pattern, the date-time and uuid formats) compiled once
 * into plain checks over a JSON tree. It only ever says "valid" when the full validator would find nothing wrong: it
 * is stricter where in doubt (a decimal 2.0 is not an integer here, a date-time must be the RFC 3339 profile), and a
 * schema using any other keyword is not compiled at all. A record it does not accept goes to the full validator, which
 * has the last word and words the violations.
 *
 * <p>The same checks also run over serialized JSON ({@link #acceptsJson}), streaming, without building a tree:
 * objects and arrays are walked token by token, and only scalar values (and the rare container under {@code enum} or
 * {@code const}) are read as small nodes for the checks above. So a record can be serialized once and its bytes
 * validated: what it accepts is exactly what {@link #accepts} accepts of the tree those bytes parse to (stricter for
 * a repeated property name, where every occurrence must pass).
 */
final class CompiledSchema {

    /** One compiled schema: does {@code node} certainly satisfy it? */
    @FunctionalInterface
    interface Check {
        boolean accepts(JsonNode node);
    }

    /** Keywords of JSON Schema 2020-12 (and draft 7) that validate; any not handled below makes a schema uncompiled. */
    private static final Set<String> VALIDATION_KEYWORDS = Set.of("$ref", "$dynamicRef", "$recursiveRef", "$defs",
            "definitions", "allOf", "anyOf", "oneOf", "not", "if", "then", "else", "dependentSchemas", "dependencies",
            "prefixItems", "items", "additionalItems", "contains", "properties", "patternProperties",
            "additionalProperties", "propertyNames", "unevaluatedItems", "unevaluatedProperties", "type", "enum", "const",
            "multipleOf", "maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum", "maxLength", "minLength",
            "pattern", "maxItems", "minItems", "uniqueItems", "maxContains", "minContains", "maxProperties",
            "minProperties", "required", "dependentRequired", "format", "contentEncoding", "contentMediaType",
            "contentSchema", "$vocabulary", "$anchor", "$dynamicAnchor", "$recursiveAnchor");


    /** The same check over a parser on the first token of a value; consumes the value. */
    @FunctionalInterface
    private interface Streamer {
        boolean accepts(JsonParser parser, String[] capture);
    }

    /** A compiled schema: its check over trees and the same check streaming. */
    private record Compiled(Check check, Streamer streamer) {
    }

    /**
     * Keywords that constrain an object or array in a way the streaming walk checks itself; the others it allows on
     * a container (bounds, lengths, pattern, format) say nothing about one. A container under any other keyword
     * ({@code enum}, {@code const}) is read as a tree.
     */
    private static final Set<String> STREAMED_ON_CONTAINERS = Set.of("type", "properties", "required",
            "additionalProperties", "items", "minItems", "maxItems", "minLength", "maxLength", "pattern", "format",
            "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum");

    private final Compiled root;

    private CompiledSchema(Compiled root) {
        this.root = root;
    }

    /** The compiled form of {@code schema}, or empty when it uses a keyword this fast path does not handle. */
    static Optional<CompiledSchema> compile(JsonNode schema) {
        return compileNode(schema).map(CompiledSchema::new);
    }

    /** True only when {@code value} certainly conforms; false means "ask the full validator". */
    boolean accepts(JsonNode value) {
        return root.check().accepts(value);
    }

    /**
     * True only when the JSON text {@code json} certainly conforms (as {@link #accepts} of its tree); false means
     * "parse it and ask the full validator". With {@code keyField}, also true only when the top-level object has that
     * property as a string, whose value it leaves in {@code key[0]}.
     */
    boolean acceptsJson(byte[] json, String keyField, String[] key) {
        String[] capture = keyField == null ? null : new String[] {keyField, null};
        try (JsonParser parser = Json.mapper().createParser(json)) {
            if (parser.nextToken() == null || !root.streamer().accepts(parser, capture) || parser.nextToken() != null) {
                return false;
            }
        } catch (JacksonException e) {
            return false;
        }
        if (capture != null) {
            if (capture[1] == null) {
                return false;
            }
            key[0] = capture[1];
        }
        return true;
    }

    private static Optional<Compiled> compileNode(JsonNode schema) {
        if (schema.isBoolean()) {
            boolean allowed = schema.asBoolean();
            return Optional.of(new Compiled(node -> allowed, (parser, capture) -> {
                parser.skipChildren();
                return allowed;
            }));
        }
        if (!schema.isObject()) {
            return Optional.empty();
        }
        List<Check> checks = new ArrayList<>();
        Map<String, Compiled> properties = new HashMap<>();
        Compiled[] items = {null};
        for (Map.Entry<String, JsonNode> keyword : schema.properties()) {
            String name = keyword.getKey();
            if (!VALIDATION_KEYWORDS.contains(name)) {
                continue; // annotations (description, title, examples, ...) and unknown keywords validate nothing
            }
            Optional<Check> check = switch (name) {
                case "properties" -> properties(keyword.getValue(), properties);
                case "items" -> compileNode(keyword.getValue()).map(item -> {
                    items[0] = item;
                    return items(item.check());
                });
                default -> keyword(name, keyword.getValue(), schema);
            };
            if (check.isEmpty()) {
                return Optional.empty();
            }
            checks.add(check.get());
        }
        Check[] all = checks.toArray(Check[]::new);
        Check tree = node -> {
            for (Check check : all) {
                if (!check.accepts(node)) {
                    return false;
                }
            }
            return true;
        };
        return Optional.of(new Compiled(tree, streamer(schema, tree, properties, items[0])));
    }

    /**
     * The streaming form of a schema whose tree check is {@code tree}: objects and arrays walked token by token
     * when the schema's keywords allow it, every other value read as a (small) node and given to {@code tree}.
     */
    private static Streamer streamer(JsonNode schema, Check tree, Map<String, Compiled> properties, Compiled items) {
        Set<String> keywords = new HashSet<>(schema.propertyNames());
        keywords.retainAll(VALIDATION_KEYWORDS);
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(name -> required.add(name.asString()));
        Set<String> types = new HashSet<>();
        JsonNode type = schema.path("type");
        if (type.isString()) {
            types.add(type.asString());
        }
        type.forEach(t -> types.add(t.asString()));
        boolean walk = STREAMED_ON_CONTAINERS.containsAll(keywords) && required.size() <= 64
                && (!schema.has("additionalProperties") || schema.get("additionalProperties").isBoolean());
        if (!walk) {
            return (parser, capture) -> tree.accepts(parser.readValueAsTree());
        }
        boolean objects = !schema.has("type") || types.contains("object");
        boolean arrays = !schema.has("type") || types.contains("array");
        boolean additional = schema.path("additionalProperties").asBoolean(true);
        Map<String, Field> fields = new HashMap<>();
        properties.forEach((name, compiled) -> fields.put(name, new Field(compiled.streamer(), true, -1)));
        for (int bit = 0; bit < required.size(); bit++) {
            Field known = fields.get(required.get(bit));
            fields.put(required.get(bit), known == null ? new Field(null, false, bit) : new Field(known.streamer(), true, bit));
        }
        long allRequired = required.isEmpty() ? 0 : -1L >>> (64 - required.size());
        int minItems = schema.path("minItems").asInt(0);
        int maxItems = schema.has("maxItems") ? schema.get("maxItems").asInt() : Integer.MAX_VALUE;
        return (parser, capture) -> {
            JsonToken token = parser.currentToken();
            if (token == JsonToken.START_OBJECT) {
                return objects && object(parser, capture, fields, additional, allRequired);
            }
            if (token == JsonToken.START_ARRAY) {
                return arrays && array(parser, items, minItems, maxItems);
            }
            return tree.accepts(parser.readValueAsTree());
        };
    }

    /**
     * A property the schema names: its schema's streamer (null: any value), whether {@code properties} declares it
     * (a property only {@code required} names is still an additional one), and its bit among the required (-1: none).
     */
    private record Field(Streamer streamer, boolean declared, int bit) {
    }

    private static boolean object(JsonParser parser, String[] capture, Map<String, Field> fields, boolean additional,
                                  long allRequired) {
        long seen = 0;
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (capture != null && name.equals(capture[0])) {
                capture[1] = value == JsonToken.VALUE_STRING ? parser.getString() : null;
            }
            Field field = fields.get(name);
            if ((field == null || !field.declared()) && !additional) {
                return false;
            }
            if (field != null && field.bit() >= 0) {
                seen |= 1L << field.bit();
            }
            if (field != null && field.streamer() != null) {
                if (!field.streamer().accepts(parser, null)) {
                    return false;
                }
            } else {
                parser.skipChildren();
            }
        }
        return token == JsonToken.END_OBJECT && seen == allRequired;
    }

    private static boolean array(JsonParser parser, Compiled items, int minItems, int maxItems) {
        int count = 0;
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (token == null) {
                return false;
            }
            count++;
            if (items != null) {
                if (!items.streamer().accepts(parser, null)) {
                    return false;
                }
            } else {
                parser.skipChildren();
            }
        }
        return count >= minItems && count <= maxItems;
    }

    private static Optional<Check> keyword(String name, JsonNode value, JsonNode schema) {
        return switch (name) {
            case "type" -> type(value);
            case "required" -> required(value);
            case "additionalProperties" -> additionalProperties(value, schema.path("properties"));
            case "enum" -> value.isArray() ? Optional.of(enumOf(value)) : Optional.empty();
            case "const" -> Optional.of(value::equals);
            case "minimum" -> bound(value, (n, b) -> n.compareTo(b) >= 0);
            case "maximum" -> bound(value, (n, b) -> n.compareTo(b) <= 0);
            case "exclusiveMinimum" -> bound(value, (n, b) -> n.compareTo(b) > 0);
            case "exclusiveMaximum" -> bound(value, (n, b) -> n.compareTo(b) < 0);
            case "minLength" -> length(value, true);
            case "maxLength" -> length(value, false);
            case "pattern" -> pattern(value);
            case "minItems" -> size(value, true);
            case "maxItems" -> size(value, false);
            case "format" -> format(value);
            default -> Optional.empty();
        };
    }

    private static Optional<Check> type(JsonNode value) {
        List<String> types = new ArrayList<>();
        if (value.isString()) {
            types.add(value.asString());
        } else if (value.isArray()) {
            value.forEach(type -> types.add(type.asString()));
        } else {
            return Optional.empty();
        }
        List<Check> allowed = new ArrayList<>();
        for (String type : types) {
            Check check = switch (type) {
                case "object" -> JsonNode::isObject;
                case "array" -> JsonNode::isArray;
                case "string" -> JsonNode::isString;
                case "boolean" -> JsonNode::isBoolean;
                case "null" -> JsonNode::isNull;
                case "number" -> node -> node.isNumber() && finite(node);
                case "integer" -> JsonNode::isIntegralNumber; // a decimal 2.0 goes to the full validator
                default -> null;
            };
            if (check == null) {
                return Optional.empty();
            }
            allowed.add(check);
        }
        Check[] any = allowed.toArray(Check[]::new);
        return Optional.of(node -> {
            for (Check check : any) {
                if (check.accepts(node)) {
                    return true;
                }
            }
            return false;
        });
    }

    private static Optional<Check> properties(JsonNode value, Map<String, Compiled> compiled) {
        if (!value.isObject()) {
            return Optional.empty();
        }
        Map<String, Check> properties = new HashMap<>();
        for (Map.Entry<String, JsonNode> property : value.properties()) {
            Optional<Compiled> check = compileNode(property.getValue());
            if (check.isEmpty()) {
                return Optional.empty();
            }
            compiled.put(property.getKey(), check.get());
            properties.put(property.getKey(), check.get().check());
        }
        return Optional.of(node -> {
            if (!node.isObject()) {
                return true;
            }
            for (Map.Entry<String, Check> property : properties.entrySet()) {
                JsonNode field = node.get(property.getKey());
                if (field != null && !property.getValue().accepts(field)) {
                    return false;
                }
            }
            return true;
        });
    }

    private static Optional<Check> required(JsonNode value) {
        if (!value.isArray()) {
            return Optional.empty();
        }
        List<String> names = new ArrayList<>();
        value.forEach(name -> names.add(name.asString()));
        return Optional.of(node -> !node.isObject() || names.stream().allMatch(node::has));
    }

    private static Optional<Check> additionalProperties(JsonNode value, JsonNode properties) {
        if (value.isBoolean() && value.asBoolean()) {
            return Optional.of(node -> true);
        }
        if (!value.isBoolean()) {
            return Optional.empty(); // a schema for the other properties: left to the full validator
        }
        Set<String> declared = new HashSet<>(properties.propertyNames());
        return Optional.of(node -> !node.isObject() || declared.containsAll(node.propertyNames()));
    }

    private static Check items(Check item) {
        return node -> {
            if (!node.isArray()) {
                return true;
            }
            for (JsonNode element : node) {
                if (!item.accepts(element)) {
                    return false;
                }
            }
            return true;
        };
    }

    private static Check enumOf(JsonNode value) {
        List<JsonNode> allowed = new ArrayList<>();
        value.forEach(allowed::add);
        return allowed::contains;
    }

    private interface Comparison {
        boolean holds(BigDecimal number, BigDecimal bound);
    }

    private static Optional<Check> bound(JsonNode value, Comparison comparison) {
        if (!value.isNumber()) {
            return Optional.empty();
        }
        BigDecimal bound = value.decimalValue();
        return Optional.of(node -> !node.isNumber() || (finite(node) && comparison.holds(node.decimalValue(), bound)));
    }

    private static Optional<Check> length(JsonNode value, boolean min) {
        if (!value.isIntegralNumber()) {
            return Optional.empty();
        }
        int limit = value.asInt();
        return Optional.of(node -> {
            if (!node.isString()) {
                return true;
            }
            String text = node.asString();
            int length = text.codePointCount(0, text.length());
            return min ? length >= limit : length <= limit;
        });
    }

    private static Optional<Check> size(JsonNode value, boolean min) {
        if (!value.isIntegralNumber()) {
            return Optional.empty();
        }
        int limit = value.asInt();
        return Optional.of(node -> !node.isArray() || (min ? node.size() >= limit : node.size() <= limit));
    }

    private static Optional<Check> pattern(JsonNode value) {
        if (!value.isString()) {
            return Optional.empty();
        }
        Optional<Check> simple = characterClass(value.asString());
        if (simple.isPresent()) {
            return simple;
        }
        Pattern pattern = Pattern.compile(value.asString());
        return Optional.of(node -> !node.isString() || pattern.matcher(node.asString()).find());
    }

    /** {@code ^[A-Z]{3}$}, {@code ^[a-z0-9-]{1,20}$}: one class of ASCII letters and digits, repeated n to m times. */
    private static final Pattern CHARACTER_CLASS = Pattern.compile(
            "\\^\\[((?:[A-Za-z0-9](?:-[A-Za-z0-9])?)+)]\\{(\\d{1,4})(?:,(\\d{1,4}))?}\\$");
    private static final Pattern RANGE = Pattern.compile("([A-Za-z0-9])(?:-([A-Za-z0-9]))?");

    /**
     * A pattern of the {@link #CHARACTER_CLASS} form, checked without a regex: n to m characters, each in the class.
     * Stricter than the regex, never looser: the regex's {@code $} also matches before a final line break, this
     * check does not.
     */
    private static Optional<Check> characterClass(String regex) {
        Matcher whole = CHARACTER_CLASS.matcher(regex);
        if (!whole.matches()) {
            return Optional.empty();
        }
        boolean[] allowed = new boolean[128];
        Matcher range = RANGE.matcher(whole.group(1));
        while (range.find()) {
            char from = range.group(1).charAt(0);
            char to = range.group(2) == null ? from : range.group(2).charAt(0);
            for (char c = from; c <= to; c++) {
                allowed[c] = true;
            }
        }
        int min = Integer.parseInt(whole.group(2));
        int max = whole.group(3) == null ? min : Integer.parseInt(whole.group(3));
        return Optional.of(node -> {
            if (!node.isString()) {
                return true;
            }
            String text = node.asString();
            if (text.length() < min || text.length() > max) {
                return false;
            }
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c >= 128 || !allowed[c]) {
                    return false;
                }
            }
            return true;
        });
    }

    private static Optional<Check> format(JsonNode value) {
        return switch (value.asString()) {
            case "uuid" -> Optional.of(node -> !node.isString() || Formats.isUuid(node.asString()));
            case "date-time" -> Optional.of(node -> !node.isString() || Formats.isDateTime(node.asString()));
            default -> Optional.empty();
        };
    }

    private static boolean finite(JsonNode node) {
        return !(node.isDouble() || node.isFloat()) || Double.isFinite(node.doubleValue());
    }
}
