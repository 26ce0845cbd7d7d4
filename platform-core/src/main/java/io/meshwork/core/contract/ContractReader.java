package io.meshwork.core.contract;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Turns one location-aware contract tree into a {@link Contract}, collecting every problem with its line and
 * column instead of stopping at the first. One instance reads one file.
 */
final class ContractReader {

    static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");
    static final Pattern SEMVER = Pattern.compile("(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?");
    private static final Pattern PERCENT = Pattern.compile("(\\d+(\\.\\d+)?)\\s*%");
    private static final Pattern PRODUCT_REF = Pattern.compile("([a-z][a-z0-9-]*)/([a-z][a-z0-9-]*)");

    private static final Set<String> TOP_LEVEL = Set.of("dataProduct", "ports", "schema", "sla", "access");
    private static final Set<String> DATA_PRODUCT = Set.of("name", "domain", "owner", "version", "description");
    private static final Set<String> PORTS = Set.of("inputs", "output", "deadLetter");
    private static final Set<String> INPUT = Set.of("topic", "product");
    private static final Set<String> OUTPUT = Set.of("topic", "key", "partitions", "cleanupPolicy", "retention");
    private static final Set<String> SLA = Set.of("freshness", "availability", "qualityScore");
    private static final Set<String> ACCESS = Set.of("classification", "requiredPermissions");

    private final Path file;
    private final Function<String, Optional<String>> productTopics;
    private final List<ContractProblem> problems = new ArrayList<>();

    /**
     * @param file          the file being read, for error locations
     * @param productTopics resolves {@code domain/name} to that product's output topic, for {@code product:} inputs
     */
    ContractReader(Path file, Function<String, Optional<String>> productTopics) {
        this.file = file;
        this.productTopics = productTopics;
    }

    Contract read(JsonNode root) {
        if (root == null || !root.isObject()) {
            problem(root, "contract-shape", "a contract is a YAML mapping with dataProduct, schema, sla and access");
            throw new ContractException(problems);
        }
        onlyKnownFields(root, TOP_LEVEL, "");
        ProductIdentity identity = identity(root);
        JsonNode schema = schema(root);
        Ports ports = ports(root.get("ports"), identity, schema);
        Sla sla = sla(root.get("sla"));
        Access access = access(root.get("access"));
        if (!problems.isEmpty()) {
            throw new ContractException(problems);
        }
        return new Contract(identity, ports, schema, sla, access, file);
    }

    private ProductIdentity identity(JsonNode root) {
        JsonNode block = requiredObject(root, "dataProduct");
        if (block == null) {
            return new ProductIdentity("", "", "", "0.0.0", "");
        }
        onlyKnownFields(block, DATA_PRODUCT, "dataProduct.");
        String name = matching(block, "name", NAME, "dataProduct-name", "lower-case letters, digits and '-', starting with a letter");
        String domain = matching(block, "domain", NAME, "dataProduct-domain", "lower-case letters, digits and '-', starting with a letter");
        String owner = requiredText(block, "owner", "dataProduct-owner");
        String version = matching(block, "version", SEMVER, "dataProduct-version", "a semantic version such as 1.4.0");
        String description = optionalText(block, "description").orElse("").strip();
        return new ProductIdentity(name, domain, owner, version, description);
    }

    private JsonNode schema(JsonNode root) {
        JsonNode schema = requiredObject(root, "schema");
        if (schema == null) {
            return JsonNodeFactory.instance.objectNode();
        }
        int before = problems.size();
        SchemaChecker.check(schema, (at, message) -> problem(at, "schema-invalid", message));
        if (problems.size() == before && !"object".equals(schema.path("type").asString(""))) {
            problem(schema, "schema-root", "the output schema must describe an object (type: object)");
        }
        return schema;
    }

    private Ports ports(JsonNode block, ProductIdentity identity, JsonNode schema) {
        String defaultTopic = identity.domain() + "." + identity.name();
        if (block == null) {
            return new Ports(List.of(), defaultOutput(defaultTopic), defaultTopic + ".dlq");
        }
        if (!block.isObject()) {
            problem(block, "ports", "ports must be a mapping with inputs and output");
            return new Ports(List.of(), defaultOutput(defaultTopic), defaultTopic + ".dlq");
        }
        onlyKnownFields(block, PORTS, "ports.");
        List<Ports.Input> inputs = new ArrayList<>();
        JsonNode inputList = block.get("inputs");
        if (inputList != null && !inputList.isArray()) {
            problem(inputList, "ports-inputs", "ports.inputs must be a list of {topic: ...} or {product: domain/name}");
        } else if (inputList != null) {
            for (JsonNode input : inputList) {
                input(input).ifPresent(inputs::add);
            }
        }
        Ports.Output output = output(block.get("output"), defaultTopic, schema);
        String deadLetter = optionalText(block, "deadLetter").orElse(output.topic() + ".dlq");
        return new Ports(inputs, output, deadLetter);
    }

    private Optional<Ports.Input> input(JsonNode input) {
        if (!input.isObject() || input.has("topic") == input.has("product")) {
            problem(input, "ports-inputs", "each input declares exactly one of topic: <topic> or product: <domain>/<name>");
            return Optional.empty();
        }
        onlyKnownFields(input, INPUT, "ports.inputs[].");
        if (input.has("topic")) {
            return Optional.of(new Ports.Input(requiredText(input, "topic", "ports-inputs"), Optional.empty()));
        }
        String product = requiredText(input, "product", "ports-inputs");
        if (!PRODUCT_REF.matcher(product).matches()) {
            problem(input.get("product"), "ports-inputs", "product reference '" + product + "' is not <domain>/<name>");
            return Optional.empty();
        }
        Optional<String> topic = productTopics.apply(product);
        if (topic.isEmpty()) {
            problem(input.get("product"), "ports-inputs", "no contract found for product '" + product + "'");
            return Optional.empty();
        }
        return Optional.of(new Ports.Input(topic.get(), Optional.of(product)));
    }

    private Ports.Output output(JsonNode block, String defaultTopic, JsonNode schema) {
        if (block == null) {
            return defaultOutput(defaultTopic);
        }
        if (!block.isObject()) {
            problem(block, "ports-output", "ports.output must be a mapping");
            return defaultOutput(defaultTopic);
        }
        onlyKnownFields(block, OUTPUT, "ports.output.");
        String topic = optionalText(block, "topic").orElse(defaultTopic);
        Optional<String> key = optionalText(block, "key");
        key.filter(k -> !schema.path("properties").has(k))
                .ifPresent(k -> problem(block.get("key"), "ports-output-key", "key field '" + k + "' is not a property of the schema"));
        int partitions = 1;
        JsonNode partitionsNode = block.get("partitions");
        if (partitionsNode != null) {
            if (!partitionsNode.isIntegralNumber() || partitionsNode.asInt() < 1) {
                problem(partitionsNode, "ports-output-partitions", "partitions must be a whole number of at least 1");
            } else {
                partitions = partitionsNode.asInt();
            }
        }
        Ports.CleanupPolicy cleanup = Ports.CleanupPolicy.DELETE;
        Optional<String> policy = optionalText(block, "cleanupPolicy");
        if (policy.isPresent()) {
            try {
                cleanup = Ports.CleanupPolicy.valueOf(policy.get().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problem(block.get("cleanupPolicy"), "ports-output-cleanup", "cleanupPolicy is delete or compact, not '" + policy.get() + "'");
            }
        }
        Optional<Duration> retention = duration(block, "retention", "ports-output-retention");
        return new Ports.Output(topic, key, partitions, cleanup, retention);
    }

    private static Ports.Output defaultOutput(String topic) {
        return new Ports.Output(topic, Optional.empty(), 1, Ports.CleanupPolicy.DELETE, Optional.empty());
    }

    private Sla sla(JsonNode block) {
        if (block == null) {
            return Sla.none();
        }
        if (!block.isObject()) {
            problem(block, "sla", "sla must be a mapping with freshness, availability and qualityScore");
            return Sla.none();
        }
        onlyKnownFields(block, SLA, "sla.");
        Optional<Duration> freshness = duration(block, "freshness", "sla-freshness");
        Optional<Double> availability = availability(block.get("availability"));
        Optional<Double> quality = Optional.empty();
        JsonNode qualityNode = block.get("qualityScore");
        if (qualityNode != null) {
            if (!qualityNode.isNumber() || qualityNode.asDouble() < 0 || qualityNode.asDouble() > 1) {
                problem(qualityNode, "sla-quality-score", "qualityScore is a number from 0 to 1, such as 0.95; got '" + qualityNode.asString() + "'");
            } else {
                quality = Optional.of(qualityNode.asDouble());
            }
        }
        return new Sla(freshness, availability, quality);
    }

    private Optional<Double> availability(JsonNode node) {
        if (node == null) {
            return Optional.empty();
        }
        var percent = PERCENT.matcher(node.asString().strip());
        if (node.isString() && percent.matches() && Double.parseDouble(percent.group(1)) <= 100) {
            return Optional.of(new BigDecimal(percent.group(1)).movePointLeft(2).doubleValue());
        }
        if (node.isNumber() && node.asDouble() >= 0 && node.asDouble() <= 1) {
            return Optional.of(node.asDouble());
        }
        problem(node, "sla-availability", "availability is a percentage such as 99.9% (or a ratio from 0 to 1); got '" + node.asString() + "'");
        return Optional.empty();
    }

    private Access access(JsonNode block) {
        if (block == null) {
            return Access.internalDefault();
        }
        if (!block.isObject()) {
            problem(block, "access", "access must be a mapping with classification and requiredPermissions");
            return Access.internalDefault();
        }
        onlyKnownFields(block, ACCESS, "access.");
        String classification = optionalText(block, "classification").orElse("internal");
        List<String> permissions = new ArrayList<>();
        JsonNode list = block.get("requiredPermissions");
        if (list != null && !list.isArray()) {
            problem(list, "access-permissions", "requiredPermissions must be a list of permission names");
        } else if (list != null) {
            for (JsonNode permission : list) {
                if (permission.isString() && !permission.asString().isBlank()) {
                    permissions.add(permission.asString());
                } else {
                    problem(permission, "access-permissions", "a permission is a non-empty string such as marketing:read");
                }
            }
        }
        return new Access(classification, permissions);
    }

    private Optional<Duration> duration(JsonNode block, String field, String rule) {
        JsonNode node = block.get(field);
        if (node == null) {
            return Optional.empty();
        }
        try {
            Duration duration = Duration.parse(node.asString().strip());
            if (!duration.isNegative() && !duration.isZero()) {
                return Optional.of(duration);
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        problem(node, rule, field + " is a positive ISO-8601 duration such as PT15M; got '" + node.asString() + "'");
        return Optional.empty();
    }

    private JsonNode requiredObject(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null) {
            problem(parent, "required", "missing required field '" + field + "'");
            return null;
        }
        if (!node.isObject()) {
            problem(node, "required", "'" + field + "' must be a mapping");
            return null;
        }
        return node;
    }

    private String requiredText(JsonNode parent, String field, String rule) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            problem(parent, rule, "missing required field '" + field + "'");
            return "";
        }
        if (!node.isValueNode() || node.asString().isBlank()) {
            problem(node, rule, "'" + field + "' must be a non-empty string");
            return "";
        }
        return node.asString();
    }

    private String matching(JsonNode parent, String field, Pattern pattern, String rule, String expected) {
        String value = requiredText(parent, field, rule);
        if (!value.isEmpty() && !pattern.matcher(value).matches()) {
            problem(parent.get(field), rule, "'" + value + "' is not valid for " + field + ": expected " + expected);
        }
        return value;
    }

    private Optional<String> optionalText(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isValueNode()) {
            problem(node, "type", "'" + field + "' must be a string");
            return Optional.empty();
        }
        return Optional.of(node.asString());
    }

    private void onlyKnownFields(JsonNode block, Set<String> known, String prefix) {
        for (var entry : block.properties()) {
            if (!known.contains(entry.getKey())) {
                problem(entry.getValue(), "unknown-field", "unknown field '" + prefix + entry.getKey()
                        + "'; expected one of " + known.stream().sorted().toList());
            }
        }
    }

    private void problem(JsonNode at, String rule, String message) {
        problems.add(new ContractProblem(file, Locations.line(at), Locations.column(at), rule, message));
    }
}
