package io.meshwork.core.contract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A contract's schema compiled for checking a record while it is being written ({@link CheckingGenerator}): one
 * {@link Node} per subschema, with the structure (properties, required, additionalProperties, items and their counts)
 * taken apart so that it can be followed event by event, and the checks on single values (type, enum, bounds, lengths,
 * pattern, format) left to {@link CompiledSchema}, applied to each scalar as it is written. Like {@link CompiledSchema}
 * it only ever vouches for a record the full validator would accept; a schema with any other keyword is not compiled.
 */
final class StreamingSchema {

    /** JSON types as bits of {@link Node#types}; a number that is not finite has a bit of its own. */
    static final int OBJECT = 1;
    static final int ARRAY = 1 << 1;
    static final int STRING = 1 << 2;
    static final int BOOLEAN = 1 << 3;
    static final int NULL = 1 << 4;
    /** An integral number (written as an int, long or BigInteger): also a "number". */
    static final int INTEGER = 1 << 5;
    /** A finite number with a fraction part, or written as a double or BigDecimal. */
    static final int NUMBER = 1 << 6;
    static final int ANY_TYPE = -1;
    private static final Map<String, Integer> TYPES = Map.of("object", OBJECT, "array", ARRAY, "string", STRING,
            "boolean", BOOLEAN, "null", NULL, "integer", INTEGER, "number", NUMBER | INTEGER);

    /** Keywords checked on a single value, by {@link CompiledSchema}; the type is checked from the event written. */
    private static final Set<String> VALUE_KEYWORDS = Set.of("enum", "const", "minimum", "maximum",
            "exclusiveMinimum", "exclusiveMaximum", "minLength", "maxLength", "pattern", "format");
    /** Of those, the ones that judge an object or array as a whole: such a value needs the tree. */
    private static final Set<String> WHOLE_VALUE_KEYWORDS = Set.of("enum", "const");
    /** Required properties are tracked as bits of a {@code long}. */
    private static final int MAX_NAMES = Long.SIZE;

    private final Node root;

    private StreamingSchema(Node root) {
        this.root = root;
    }

    /** The streaming form of {@code schema}, or empty when it uses a keyword (or a form of one) not handled here. */
    static Optional<StreamingSchema> compile(JsonNode schema) {
        return node(schema).map(StreamingSchema::new);
    }

    Node root() {
        return root;
    }

    /** A property name an object schema knows: its schema ({@code null} when only required) and its bit. */
    record Name(Node schema, long bit) {
    }

    /** One compiled subschema. */
    static final class Node {

        static final Node ANY = new Node();
        private static final Node NONE = new Node();

        /** Checks a scalar value (its value keywords); {@code null} when nothing is asked of scalars. */
        CompiledSchema scalar;
        /** The same for a string, on its text; {@code null} when a string needs {@link #scalar} (enum, const). */
        Predicate<String> text;
        boolean none;
        /** The {@code type} keyword as bits: the kinds of value allowed. */
        int types = ANY_TYPE;
        /** {@code enum} or {@code const}: an object or array cannot be judged without its tree. */
        boolean wholeValue;
        /** Declared and required property names; empty when the schema names none. */
        Map<String, Name> names = Map.of();
        long required;
        /** {@code additionalProperties: false}. */
        boolean closed;
        Node items = ANY;
        int minItems;
        int maxItems = Integer.MAX_VALUE;

        static {
            ANY.items = ANY; // its field initializer ran before ANY existed
            NONE.none = true;
        }
    }

    private static Optional<Node> node(JsonNode schema) {
        if (schema.isBoolean()) {
            return Optional.of(schema.asBoolean() ? Node.ANY : Node.NONE);
        }
        if (!schema.isObject()) {
            return Optional.empty();
        }
        Node node = new Node();
        ObjectNode valueKeywords = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> keyword : schema.properties()) {
            String name = keyword.getKey();
            JsonNode value = keyword.getValue();
            if (!CompiledSchema.VALIDATION_KEYWORDS.contains(name)) {
                continue; // annotations validate nothing
            }
            if (name.equals("type")) {
                if (!types(value, node)) {
                    return Optional.empty();
                }
            } else if (VALUE_KEYWORDS.contains(name)) {
                valueKeywords.set(name, value);
                node.wholeValue |= WHOLE_VALUE_KEYWORDS.contains(name);
            } else if (!structure(name, value, node)) {
                return Optional.empty();
            }
        }
        if (!names(schema, node)) {
            return Optional.empty();
        }
        if (!valueKeywords.isEmpty()) {
            Optional<CompiledSchema> scalar = CompiledSchema.compile(valueKeywords);
            if (scalar.isEmpty()) {
                return Optional.empty();
            }
            node.scalar = scalar.get();
            node.text = CompiledSchema.textChecks(valueKeywords).orElse(null);
        }
        return Optional.of(node);
    }

    private static boolean types(JsonNode type, Node node) {
        List<JsonNode> names = new ArrayList<>();
        if (type.isArray()) {
            type.forEach(names::add);
        } else {
            names.add(type);
        }
        node.types = 0;
        for (JsonNode name : names) {
            Integer bits = TYPES.get(name.asString(""));
            if (!name.isString() || bits == null) {
                return false;
            }
            node.types |= bits;
        }
        return true;
    }

    /** The structural keywords; properties and required are gathered by {@link #names}. */
    private static boolean structure(String name, JsonNode value, Node node) {
        switch (name) {
            case "properties", "required" -> {
                return true;
            }
            case "additionalProperties" -> {
                node.closed = value.isBoolean() && !value.asBoolean();
                return value.isBoolean();
            }
            case "items" -> {
                Optional<Node> items = value.isArray() ? Optional.empty() : node(value); // the tuple form: not here
                items.ifPresent(compiled -> node.items = compiled);
                return items.isPresent();
            }
            case "minItems" -> {
                node.minItems = value.asInt();
                return value.isIntegralNumber() && value.canConvertToInt();
            }
            case "maxItems" -> {
                node.maxItems = value.asInt();
                return value.isIntegralNumber() && value.canConvertToInt();
            }
            default -> {
                return false;
            }
        }
    }

    private static boolean names(JsonNode schema, Node node) {
        JsonNode properties = schema.path("properties");
        JsonNode required = schema.path("required");
        if ((!properties.isMissingNode() && !properties.isObject()) || (!required.isMissingNode() && !required.isArray())) {
            return false;
        }
        Map<String, Name> names = new HashMap<>();
        for (Map.Entry<String, JsonNode> property : properties.properties()) {
            Optional<Node> compiled = node(property.getValue());
            if (compiled.isEmpty() || names.size() == MAX_NAMES) {
                return false;
            }
            names.put(property.getKey(), new Name(compiled.get(), 1L << names.size()));
        }
        for (JsonNode name : required) {
            if (!name.isString() || (!names.containsKey(name.asString()) && names.size() == MAX_NAMES)) {
                return false;
            }
            Name known = names.computeIfAbsent(name.asString(), undeclared -> new Name(null, 1L << names.size()));
            node.required |= known.bit();
        }
        node.names = Map.copyOf(names);
        return true;
    }
}
