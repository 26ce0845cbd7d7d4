package io.meshwork.core.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshwork.core.json.Json;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The compiled fast path against networknt's full validator, on every contract of the repository: 20,000 records
 * each, generated from the schema and half of them then broken in the ways records break. The fast path may never
 * accept a record the full validator rejects, and must accept every record generated valid (or it would not be a
 * fast path); a broken one that is still valid (a decimal 2.0 as an integer) may take the slow path.
 */
class CompiledSchemaTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int RECORDS = 20_000;
    private static final List<String> BAD_DATE_TIMES = List.of("2025-13-01T00:00:00Z", "2025-01-01 00:00:00Z",
            "2025-01-01T00:00:00", "2025-01-01T00:00:00.1234567891Z", "2025-01-01t00:00:00z", "2025-02-29T00:00:00Z",
            "2024-02-29T23:59:60Z", "2025-01-01T24:00:00Z", "2025-01-01T00:00:00+25:00", "", "yesterday",
            "2025-01-01T00:00:00.Z", "2025-01-01T00:00:00+01:00", "2025-01-01T00:00:00-23:59", "2025-01-01T00:00:00+0100",
            "2025-01-01T00:00:00.123456789+05:30", "2025-1-01T00:00:00Z", "2025-01-01T00:00:00ZZ");

    static Stream<Path> contracts() throws IOException {
        return Files.list(Path.of("../contracts")).filter(Files::isDirectory).flatMap(domain -> {
            try {
                return Files.list(domain).filter(f -> f.toString().endsWith(".yaml"));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @ParameterizedTest
    @MethodSource("contracts")
    void theFastPathNeverAcceptsWhatTheFullValidatorRejects(Path file) {
        Contract contract = ContractLoader.load(file);
        RecordValidator oracle = RecordValidator.fullOnly(contract.schema());
        CompiledSchema compiled = CompiledSchema.compile(contract.schema()).orElseThrow(
                () -> new AssertionError(file + " does not compile to the fast path"));
        RecordValidator validator = RecordValidator.of(contract);
        assertThat(validator.checksWhileWriting()).as(file + " is checked while written").isTrue();
        Random random = new Random(file.getFileName().toString().hashCode());
        int valid = 0;
        int broken = 0;
        for (int i = 0; i < RECORDS; i++) {
            JsonNode record = sample(contract.schema(), random);
            boolean mutated = random.nextBoolean();
            if (mutated) {
                record = mutate(record, random);
            }
            boolean reallyValid = oracle.validate(record).isEmpty();
            if (compiled.accepts(record)) {
                assertThat(reallyValid).as("fast path accepted %s", record).isTrue();
            }
            RecordValidator.Written written = validator.write(record, null);
            assertThat(written.json()).isEqualTo(Json.mapper().writeValueAsBytes(record));
            if (written.conforms()) {
                assertThat(reallyValid).as("check while writing accepted %s", record).isTrue();
            }
            if (reallyValid) {
                valid++;
                if (!mutated) {
                    assertThat(compiled.accepts(record)).as("fast path missed a valid record %s", record).isTrue();
                    assertThat(written.conforms()).as("check while writing missed a valid record %s", record).isTrue();
                }
            } else {
                broken++;
            }
        }
        assertThat(valid).as("valid records generated").isGreaterThan(RECORDS / 4);
        assertThat(broken).as("broken records generated").isGreaterThan(RECORDS / 4);
    }

    @Test
    void aSchemaWithAKeywordTheFastPathDoesNotKnowIsLeftToTheFullValidator() {
        JsonNode schema = Json.mapper().readTree("{\"type\":\"object\",\"properties\":{\"a\":{\"oneOf\":[{\"type\":\"string\"}]}}}");
        assertThat(CompiledSchema.compile(schema)).isEmpty();
        assertThat(new RecordValidator(schema).compiled()).isFalse();
        assertThat(new RecordValidator(schema).validate(Json.mapper().readTree("{\"a\":1}"))).isNotEmpty();
    }

    @Test
    void aCharacterClassPatternAndADoubleAgainstABoundAreCheckedWithoutRegexOrDecimalsAndNeverLooser() {
        JsonNode schema = Json.mapper().readTree("""
                {"type":"object","properties":{"currency":{"type":"string","pattern":"^[A-Z]{3}$"},
                                               "code":{"type":"string","pattern":"^[a-z0-9]{2,4}$"},
                                               "amount":{"type":"number","minimum":0,"exclusiveMaximum":0.1}}}
                """);
        CompiledSchema compiled = CompiledSchema.compile(schema).orElseThrow();
        RecordValidator oracle = RecordValidator.fullOnly(schema);
        for (String json : List.of("{\"currency\":\"CHF\"}", "{\"code\":\"ab\"}", "{\"code\":\"a1b2\"}",
                "{\"amount\":0.0}", "{\"amount\":0.05}", "{\"amount\":1e-300}")) {
            JsonNode record = Json.mapper().readTree(json);
            assertThat(compiled.accepts(record)).as(json).isTrue();
            assertThat(oracle.validate(record)).as(json).isEmpty();
        }
        // refused by the fast path: broken, or (the line break the regex's $ allows) left to the full validator
        for (String json : List.of("{\"currency\":\"ChF\"}", "{\"currency\":\"CHFX\"}", "{\"currency\":\"CH\"}",
                "{\"currency\":\"CHF\\n\"}", "{\"currency\":\"ÇHF\"}", "{\"code\":\"a\"}", "{\"code\":\"abcde\"}",
                "{\"code\":\"AB\"}", "{\"amount\":-1e-300}", "{\"amount\":0.1}", "{\"amount\":0.10000001}")) {
            JsonNode record = Json.mapper().readTree(json);
            assertThat(compiled.accepts(record)).as(json).isFalse();
        }
        JsonNode negativeZero = Json.mapper().readTree("{\"amount\":-0.0}");
        if (compiled.accepts(negativeZero)) {
            assertThat(oracle.validate(negativeZero)).isEmpty();
        }
    }

    /** What a domain's code hands the output port: records, not trees. */
    record Line(String sku, int quantity, BigDecimal price) {
    }

    record Sale(String saleId, Instant at, String currency, List<Line> lines, Map<String, Object> tags, Double ratio) {
    }

    @Test
    void aRecordIsCheckedWhileItIsWrittenAsStrictlyAsItsTreeAndItsKeyFieldIsHandedBack() {
        JsonNode schema = Json.mapper().readTree("""
                {"type":"object","required":["saleId","at","lines"],"additionalProperties":false,
                 "properties":{"saleId":{"type":"string","format":"uuid"},"at":{"type":"string","format":"date-time"},
                   "currency":{"type":["string","null"],"pattern":"^[A-Z]{3}$"},
                   "lines":{"type":"array","minItems":1,"maxItems":2,"items":{"type":"object","required":["sku","quantity"],
                     "properties":{"sku":{"type":"string","minLength":1},"quantity":{"type":"integer","minimum":1},
                                   "price":{"type":"number","exclusiveMinimum":0}}}},
                   "tags":{"type":["object","null"]},"ratio":{"type":["number","null"],"maximum":1}}}
                """);
        RecordValidator validator = new RecordValidator(schema);
        RecordValidator oracle = RecordValidator.fullOnly(schema);
        String id = UUID.randomUUID().toString();
        Instant at = Instant.parse("2026-12-02T10:15:30.123Z");
        List<Line> one = List.of(new Line("a", 1, new BigDecimal("12.50")));
        Map<String, Sale> cases = Map.ofEntries(
                Map.entry("valid", new Sale(id, at, "CHF", one, Map.of("k", "v"), 0.5)),
                Map.entry("valid with nulls", new Sale(id, at, null, one, null, null)),
                Map.entry("valid with free-form tags", new Sale(id, at, "EUR", one, Map.of("a", List.of(1, List.of("x")), "b", Map.of("c", 2.5)), 1.0)),
                Map.entry("bad uuid", new Sale("x", at, "CHF", one, null, null)),
                Map.entry("lower-case currency", new Sale(id, at, "chf", one, null, null)),
                Map.entry("no lines", new Sale(id, at, "CHF", List.of(), null, null)),
                Map.entry("three lines", new Sale(id, at, "CHF", List.of(one.get(0), one.get(0), one.get(0)), null, null)),
                Map.entry("zero quantity", new Sale(id, at, "CHF", List.of(new Line("a", 0, BigDecimal.ONE)), null, null)),
                Map.entry("free", new Sale(id, at, "CHF", List.of(new Line("a", 1, BigDecimal.ZERO)), null, null)),
                Map.entry("ratio over one", new Sale(id, at, "CHF", one, null, 1.5)),
                Map.entry("ratio not a number", new Sale(id, at, "CHF", one, null, Double.NaN)));
        for (Map.Entry<String, Sale> sale : cases.entrySet()) {
            RecordValidator.Written written = validator.write(sale.getValue(), "saleId");
            JsonNode tree = Json.mapper().valueToTree(sale.getValue());
            boolean valid = oracle.validate(tree).isEmpty();
            assertThat(written.conforms()).as(sale.getKey()).isEqualTo(sale.getKey().startsWith("valid"));
            assertThat(valid || !written.conforms()).as(sale.getKey() + ": never looser than the full validator").isTrue();
            assertThat(Json.mapper().readTree(written.json())).as(sale.getKey()).isEqualTo(Json.mapper().readTree(Json.mapper().writeValueAsBytes(sale.getValue())));
        }
        assertThat(validator.write(cases.get("valid"), "saleId").key().asString()).isEqualTo(id);
        assertThat(validator.write(cases.get("valid"), "lines").key()).as("not a scalar").isNull();
        assertThat(validator.write(null, "saleId").conforms()).isFalse();
    }

    @Test
    void aSchemaTheWriterCannotFollowIsLeftToTheTree() {
        assertThat(new RecordValidator(Json.mapper().readTree("{\"prefixItems\":[{\"type\":\"string\"}]}")).checksWhileWriting())
                .as("a keyword it does not follow").isFalse();
        assertThat(new RecordValidator(Json.mapper().readTree("{\"additionalProperties\":{\"type\":\"string\"}}")).checksWhileWriting())
                .as("a schema for additional properties").isFalse();
        JsonNode enumOfObjects = Json.mapper().readTree("{\"enum\":[{\"a\":1}]}");
        RecordValidator validator = new RecordValidator(enumOfObjects);
        assertThat(validator.write(Map.of("a", 1), null).conforms()).as("an object against an enum needs its tree").isFalse();
        assertThat(validator.validate(Json.mapper().valueToTree(Map.of("a", 1)))).isEmpty();
    }

    /** A record the schema describes, with the optional properties present or not. */
    private static JsonNode sample(JsonNode schema, Random random) {
        String type = schema.path("type").isArray() ? schema.path("type").get(0).asString() : schema.path("type").asString("string");
        if (schema.has("enum")) {
            return schema.get("enum").get(random.nextInt(schema.get("enum").size()));
        }
        switch (type) {
            case "object": {
                ObjectNode object = NODES.objectNode();
                List<String> required = new ArrayList<>();
                schema.path("required").forEach(name -> required.add(name.asString()));
                for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
                    if (required.contains(property.getKey()) || random.nextInt(10) < 7) {
                        object.set(property.getKey(), sample(property.getValue(), random));
                    }
                }
                return object;
            }
            case "array": {
                ArrayNode array = NODES.arrayNode();
                int size = schema.path("minItems").asInt(0) + random.nextInt(3);
                for (int i = 0; i < size; i++) {
                    array.add(sample(schema.path("items"), random));
                }
                return array;
            }
            case "integer":
                return NODES.numberNode(schema.path("minimum").asLong(0) + random.nextInt(1000));
            case "number":
                return NODES.numberNode(schema.path("minimum").decimalValue().add(BigDecimal.valueOf(random.nextInt(100_000), 2)));
            case "boolean":
                return NODES.booleanNode(random.nextBoolean());
            case "null":
                return NODES.nullNode();
            default:
                return NODES.stringNode(text(schema, random));
        }
    }

    private static String text(JsonNode schema, Random random) {
        String format = schema.path("format").asString("");
        if (format.equals("date-time")) {
            return Instant.ofEpochSecond(1_700_000_000L + random.nextInt(100_000_000)).toString();
        }
        if (format.equals("uuid")) {
            return new UUID(random.nextLong(), random.nextLong()).toString();
        }
        if (schema.has("pattern")) {
            return pick(random, "EUR", "CHF", "USD");
        }
        return "t" + Integer.toString(random.nextInt(100_000), 36);
    }

    /** The record broken in one of the ways records break: at the top or in one of its properties. */
    private static JsonNode mutate(JsonNode record, Random random) {
        if (!record.isObject() || record.isEmpty()) {
            return wrongValue(random);
        }
        ObjectNode object = (ObjectNode) record.deepCopy();
        List<String> names = new ArrayList<>(object.propertyNames());
        String name = names.get(random.nextInt(names.size()));
        switch (random.nextInt(4)) {
            case 0 -> object.remove(name);
            case 1 -> object.put("unexpected" + random.nextInt(3), 1);
            case 2 -> object.set(name, wrongValue(random));
            default -> {
                JsonNode inner = object.get(name);
                object.set(name, inner.isObject() || inner.isArray() && !inner.isEmpty() ? mutateInner(inner, random) : wrongValue(random));
            }
        }
        return object;
    }

    private static JsonNode mutateInner(JsonNode inner, Random random) {
        if (inner.isArray()) {
            ArrayNode array = (ArrayNode) inner.deepCopy();
            array.set(random.nextInt(array.size()), mutate(array.get(0), random));
            return array;
        }
        return mutate(inner, random);
    }

    private static JsonNode wrongValue(Random random) {
        return switch (random.nextInt(14)) {
            case 0 -> NODES.stringNode("12.50");
            case 1 -> NODES.numberNode(-1);
            case 2 -> NODES.numberNode(new BigDecimal("2.0"));
            case 3 -> NODES.numberNode(-0.01);
            case 4 -> NODES.booleanNode(true);
            case 5 -> NODES.nullNode();
            case 6 -> NODES.arrayNode();
            case 7 -> NODES.objectNode();
            case 8 -> NODES.stringNode("");
            case 9 -> NODES.stringNode(pick(random, BAD_DATE_TIMES.toArray(String[]::new)));
            case 10 -> NODES.stringNode(pick(random, "not-a-uuid-0000-0000-000000000000", "F2577E2D-37EE-2821-A78F-DBC91DDFFE2A",
                    "f2577e2d37ee2821a78fdbc91ddffe2a", "f2577e2d-37ee-2821-a78f-dbc91ddffe2g", "{f2577e2d-37ee-2821-a78f-dbc91ddffe2a}"));
            case 11 -> NODES.stringNode("eur");
            case 12 -> NODES.numberNode(Double.NaN);
            default -> NODES.numberNode(1e300);
        };
    }

    @SafeVarargs
    private static <T> T pick(Random random, T... options) {
        return options[random.nextInt(options.length)];
    }
}
