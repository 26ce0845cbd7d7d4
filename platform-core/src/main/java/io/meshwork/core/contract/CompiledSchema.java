package io.meshwork.core.contract;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The fast path of {@link RecordValidator}: the JSON Schema keywords data contracts use (type, properties, required,
 * additionalProperties, items, enum, const, bounds, lengths, pattern, the date-time and uuid formats) compiled once
 * into plain checks over a JSON tree. It only ever says "valid" when the full validator would find nothing wrong: it
 * is stricter where in doubt (a decimal 2.0 is not an integer here, a date-time must be the RFC 3339 profile), and a
 * schema using any other keyword is not compiled at all. A record it does not accept goes to the full validator, which
 * has the last word and words the violations.
 */
final class CompiledSchema {

    /** One compiled schema: does {@code node} certainly satisfy it? */
    @FunctionalInterface
    interface Check {
        boolean accepts(JsonNode node);
    }

    /** Keywords of JSON Schema 2020-12 (and draft 7) that validate; any not handled below makes a schema uncompiled. */
    static final Set<String> VALIDATION_KEYWORDS = Set.of("$ref", "$dynamicRef", "$recursiveRef", "$defs",
            "definitions", "allOf", "anyOf", "oneOf", "not", "if", "then", "else", "dependentSchemas", "dependencies",
            "prefixItems", "items", "additionalItems", "contains", "properties", "patternProperties",
            "additionalProperties", "propertyNames", "unevaluatedItems", "unevaluatedProperties", "type", "enum", "const",
            "multipleOf", "maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum", "maxLength", "minLength",
            "pattern", "maxItems", "minItems", "uniqueItems", "maxContains", "minContains", "maxProperties",
            "minProperties", "required", "dependentRequired", "format", "contentEncoding", "contentMediaType",
            "contentSchema", "$vocabulary", "$anchor", "$dynamicAnchor", "$recursiveAnchor");


    private final Check root;

    private CompiledSchema(Check root) {
        this.root = root;
    }

    /** The compiled form of {@code schema}, or empty when it uses a keyword this fast path does not handle. */
    static Optional<CompiledSchema> compile(JsonNode schema) {
        return compileNode(schema).map(CompiledSchema::new);
    }

    /** True only when {@code value} certainly conforms; false means "ask the full validator". */
    boolean accepts(JsonNode value) {
        return root.accepts(value);
    }

    private static Optional<Check> compileNode(JsonNode schema) {
        if (schema.isBoolean()) {
            boolean allowed = schema.asBoolean();
            return Optional.of(node -> allowed);
        }
        if (!schema.isObject()) {
            return Optional.empty();
        }
        List<Check> checks = new ArrayList<>();
        for (Map.Entry<String, JsonNode> keyword : schema.properties()) {
            String name = keyword.getKey();
            if (!VALIDATION_KEYWORDS.contains(name)) {
                continue; // annotations (description, title, examples, ...) and unknown keywords validate nothing
            }
            Optional<Check> check = keyword(name, keyword.getValue(), schema);
            if (check.isEmpty()) {
                return Optional.empty();
            }
            checks.add(check.get());
        }
        Check[] all = checks.toArray(Check[]::new);
        if (all.length == 1) {
            return Optional.of(all[0]); // most property schemas ask one thing of a value: no loop around it
        }
        return Optional.of(node -> {
            for (Check check : all) {
                if (!check.accepts(node)) {
                    return false;
                }
            }
            return true;
        });
    }

    private static Optional<Check> keyword(String name, JsonNode value, JsonNode schema) {
        return switch (name) {
            case "type" -> type(value);
            case "properties" -> properties(value);
            case "required" -> required(value);
            case "additionalProperties" -> additionalProperties(value, schema.path("properties"));
            case "items" -> items(value);
            case "enum" -> value.isArray() ? Optional.of(enumOf(value)) : Optional.empty();
            case "const" -> Optional.of(value::equals);
            case "minimum" -> bound(value, sign -> sign >= 0);
            case "maximum" -> bound(value, sign -> sign <= 0);
            case "exclusiveMinimum" -> bound(value, sign -> sign > 0);
            case "exclusiveMaximum" -> bound(value, sign -> sign < 0);
            case "minLength", "maxLength", "pattern", "format" -> textKeyword(name, value).map(CompiledSchema::onStrings);
            case "minItems" -> size(value, true);
            case "maxItems" -> size(value, false);
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

    private static Optional<Check> properties(JsonNode value) {
        if (!value.isObject()) {
            return Optional.empty();
        }
        Map<String, Check> properties = new HashMap<>();
        for (Map.Entry<String, JsonNode> property : value.properties()) {
            Optional<Check> check = compileNode(property.getValue());
            if (check.isEmpty()) {
                return Optional.empty();
            }
            properties.put(property.getKey(), check.get());
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
        List<String> list = new ArrayList<>();
        value.forEach(name -> list.add(name.asString()));
        String[] names = list.toArray(String[]::new);
        return Optional.of(node -> {
            if (!node.isObject()) {
                return true;
            }
            for (String name : names) {
                if (!node.has(name)) {
                    return false;
                }
            }
            return true;
        });
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

    private static Optional<Check> items(JsonNode value) {
        return compileNode(value).map(item -> node -> {
            if (!node.isArray()) {
                return true;
            }
            for (JsonNode element : node) {
                if (!item.accepts(element)) {
                    return false;
                }
            }
            return true;
        });
    }

    private static Check enumOf(JsonNode value) {
        List<JsonNode> allowed = new ArrayList<>();
        value.forEach(allowed::add);
        return allowed::contains;
    }

    /** Whether a number stands right to its bound, given the sign of (number − bound). */
    private interface Comparison {
        boolean holds(int sign);
    }

    /**
     * A bound on numbers, compared exactly and as cheaply as the number allows: an int or long against a whole bound as
     * longs, a double (a JSON number parsed as binary floating point) against a bound that is exactly a double as
     * doubles, anything else as {@code BigDecimal}s (turning a double into a {@code BigDecimal} formats it first).
     */
    private static Optional<Check> bound(JsonNode value, Comparison comparison) {
        if (!value.isNumber()) {
            return Optional.empty();
        }
        BigDecimal bound = value.decimalValue();
        double exactDouble = bound.doubleValue();
        boolean doubleIsExact = Double.isFinite(exactDouble) && new BigDecimal(exactDouble).compareTo(bound) == 0;
        boolean longIsExact = bound.signum() == 0 || bound.stripTrailingZeros().scale() <= 0
                && bound.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) >= 0 && bound.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0;
        long exactLong = longIsExact ? bound.longValue() : 0L;
        return Optional.of(node -> {
            if (!node.isNumber()) {
                return true;
            }
            if ((node.isInt() || node.isLong()) && longIsExact) {
                return comparison.holds(Long.compare(node.longValue(), exactLong));
            }
            if (node.isDouble() && doubleIsExact) {
                double number = node.doubleValue(); // -0.0 equals 0.0 here, as numbers do
                return Double.isFinite(number) && comparison.holds(number < exactDouble ? -1 : number > exactDouble ? 1 : 0);
            }
            return finite(node) && comparison.holds(node.decimalValue().compareTo(bound));
        });
    }

    /** A check on strings that lets every other value through (keywords apply to their own type only). */
    private static Check onStrings(Predicate<String> text) {
        return node -> !node.isString() || text.test(node.asString());
    }

    /**
     * What a schema's keywords ask of a string, as a test of its text (no JSON node needed): its length, pattern and
     * format. Empty when it asks something only a node can answer ({@code enum}, {@code const}) or a keyword this
     * fast path does not know; {@code type} and the number keywords are not about a string's text and are skipped.
     */
    static Optional<Predicate<String>> textChecks(JsonNode keywords) {
        List<Predicate<String>> tests = new ArrayList<>();
        for (Map.Entry<String, JsonNode> keyword : keywords.properties()) {
            switch (keyword.getKey()) {
                case "type", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum" -> {
                }
                default -> {
                    Optional<Predicate<String>> test = textKeyword(keyword.getKey(), keyword.getValue());
                    if (test.isEmpty()) {
                        return Optional.empty();
                    }
                    tests.add(test.get());
                }
            }
        }
        if (tests.size() == 1) {
            return Optional.of(tests.get(0));
        }
        return Optional.of(tests.stream().reduce(text -> true, Predicate::and));
    }

    private static Optional<Predicate<String>> textKeyword(String name, JsonNode value) {
        return switch (name) {
            case "minLength" -> length(value, true);
            case "maxLength" -> length(value, false);
            case "pattern" -> pattern(value);
            case "format" -> format(value);
            default -> Optional.empty();
        };
    }

    private static Optional<Predicate<String>> length(JsonNode value, boolean min) {
        if (!value.isIntegralNumber()) {
            return Optional.empty();
        }
        int limit = value.asInt();
        return Optional.of(text -> {
            // A string of n chars has between n/2 and n code points: most strings are decided without counting.
            if (min ? (text.length() + 1) / 2 >= limit : text.length() <= limit) {
                return true;
            }
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

    private static Optional<Predicate<String>> pattern(JsonNode value) {
        if (!value.isString()) {
            return Optional.empty();
        }
        Optional<Predicate<String>> simple = characterClass(value.asString());
        if (simple.isPresent()) {
            return simple;
        }
        Pattern pattern = Pattern.compile(value.asString());
        return Optional.of(text -> pattern.matcher(text).find());
    }

    /** {@code ^[A-Z]{3}$}, {@code ^[a-z0-9]{1,20}$}: one class of ASCII letters and digits, repeated n to m times. */
    private static final Pattern CHARACTER_CLASS = Pattern.compile(
            "\\^\\[((?:[A-Za-z0-9](?:-[A-Za-z0-9])?)+)]\\{(\\d{1,4})(?:,(\\d{1,4}))?}\\$");
    private static final Pattern RANGE = Pattern.compile("([A-Za-z0-9])(?:-([A-Za-z0-9]))?");

    /**
     * A pattern of the {@link #CHARACTER_CLASS} form, checked without a regex: n to m characters, each in the class.
     * Stricter than the regex, never looser: the regex's {@code $} also matches before a final line break, this
     * check does not.
     */
    private static Optional<Predicate<String>> characterClass(String regex) {
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
        return Optional.of(text -> {
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

    private static Optional<Predicate<String>> format(JsonNode value) {
        return switch (value.asString()) {
            case "uuid" -> Optional.of(Formats::isUuid);
            case "date-time" -> Optional.of(Formats::isDateTime);
            default -> Optional.empty();
        };
    }

    private static boolean finite(JsonNode node) {
        return !(node.isDouble() || node.isFloat()) || Double.isFinite(node.doubleValue());
    }
}
