package io.meshwork.governance.lint;

import io.meshwork.core.compat.ContractDiff;
import io.meshwork.core.contract.ContractException;
import io.meshwork.core.contract.ContractLoader;
import io.meshwork.core.contract.ContractProblem;
import io.meshwork.core.contract.Locations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import tools.jackson.databind.JsonNode;

/**
 * The platform team's global rules for every contract, read from {@code contracts/policies.yaml}. Each policy has a
 * severity ({@code error}, {@code warning}, {@code off}) and its own settings; what the file leaves out keeps the
 * default of {@link #defaults()}.
 *
 * @param severities      severity of each policy, by name (see {@link Policy})
 * @param ownerPattern    what a team handle in {@code dataProduct.owner} looks like
 * @param descriptionMinLength shortest acceptable {@code dataProduct.description}
 * @param classifications allowed {@code access.classification} values, least to most restricted
 * @param outputTopic     regular expression an output or dead-letter topic must match; {@code {domain}} and
 *                        {@code {name}} stand for the product's domain and name
 * @param inputTopic      regular expression an input topic must match
 * @param slaRequired     SLA targets every contract must set
 */
public record Policies(Map<Policy, Severity> severities, String ownerPattern, int descriptionMinLength,
                       List<String> classifications, String outputTopic, String inputTopic, List<String> slaRequired) {

    /** The policies, by the name used in {@code policies.yaml} and in lint findings. */
    public enum Policy {
        /** {@code dataProduct.owner} is a team handle. (Presence is a contract rule.) */
        OWNER("owner"),
        /** {@code dataProduct.description} says what the product is for. */
        DESCRIPTION("description"),
        /** {@code access.classification} is declared and allowed. */
        CLASSIFICATION("classification"),
        /** Output, dead-letter and input topics follow {@code <domain>.<name>...}. */
        TOPIC_NAMING("topic-naming"),
        /** Every required SLA target is set. (Their format is a contract rule.) */
        SLA("sla"),
        /** Every property of the output schema, at any depth, has a description. */
        PROPERTY_DESCRIPTION("property-description"),
        /** The file is {@code <contracts>/<domain>/<name>.yaml}, where the runtime looks for it. */
        FILE_NAMING("file-naming"),
        /** No two contracts share a product name or an output topic. */
        UNIQUE("unique");

        private final String id;

        Policy(String id) {
            this.id = id;
        }

        /** The name in {@code policies.yaml} and in findings. */
        public String id() {
            return id;
        }

        static Policy byId(String id) {
            for (Policy policy : values()) {
                if (policy.id.equals(id)) {
                    return policy;
                }
            }
            return null;
        }
    }

    /** The policies file's name in the contracts folder. */
    public static final String FILE_NAME = "policies.yaml";

    private static final Set<String> SLA_TARGETS = Set.of("freshness", "availability", "qualityScore");

    public Policies {
        severities = Map.copyOf(severities);
        classifications = List.copyOf(classifications);
        slaRequired = List.copyOf(slaRequired);
    }

    /** The built-in policies: every policy an error, the settings of the shipped {@code contracts/policies.yaml}. */
    public static Policies defaults() {
        Map<Policy, Severity> severities = new EnumMap<>(Policy.class);
        for (Policy policy : Policy.values()) {
            severities.put(policy, Severity.ERROR);
        }
        return new Policies(severities, "[a-z][a-z0-9-]*", 20,
                ContractDiff.DEFAULT_CLASSIFICATIONS,
                "{domain}\\.{name}(\\.[a-z0-9-]+)*", "[a-z][a-z0-9-]*(\\.[a-z0-9-]+)+",
                List.of("freshness", "availability", "qualityScore"));
    }

    /**
     * Reads a policies file.
     *
     * @throws ContractException with {@code file:line:column} for every problem in it
     */
    public static Policies load(Path file) {
        try {
            return parse(file, Files.readString(file));
        } catch (IOException e) {
            throw new ContractException(new ContractProblem(file, 0, 0, "policies", "cannot read: " + e.getMessage()));
        }
    }

    /** Reads policies text as if it came from {@code file}. */
    public static Policies parse(Path file, String text) {
        return new Reader(file).read(ContractLoader.readTree(file, text));
    }

    /** The severity of {@code policy}. */
    public Severity severity(Policy policy) {
        return severities.getOrDefault(policy, Severity.ERROR);
    }

    /** Whether {@code owner} is a team handle. */
    public boolean isTeamHandle(String owner) {
        return Pattern.matches(ownerPattern, owner);
    }

    /** Whether {@code topic} is a well-named input topic. */
    public boolean isInputTopicName(String topic) {
        return Pattern.matches(inputTopic, topic);
    }

    /** The output-topic pattern for one product. */
    public Pattern outputTopicFor(String domain, String name) {
        return Pattern.compile(outputTopic.replace("{domain}", Pattern.quote(domain)).replace("{name}", Pattern.quote(name)));
    }

    /** Reads one policies tree, collecting every problem. */
    private static final class Reader {

        private final Path file;
        private final List<ContractProblem> problems = new ArrayList<>();

        Reader(Path file) {
            this.file = file;
        }

        Policies read(JsonNode root) {
            Policies defaults = defaults();
            JsonNode block = root.path("policies");
            if (!block.isObject()) {
                problem(root, "a policies file is a mapping with one 'policies' mapping of policy name to settings");
                throw new ContractException(problems);
            }
            Map<Policy, Severity> severities = new LinkedHashMap<>(defaults.severities());
            for (var entry : block.properties()) {
                Policy policy = Policy.byId(entry.getKey());
                if (policy == null) {
                    problem(entry.getValue(), "unknown policy '" + entry.getKey() + "'; known: "
                            + Arrays.stream(Policy.values()).map(Policy::id).toList());
                } else if (entry.getValue().has("severity")) {
                    severities.put(policy, severity(entry.getValue().get("severity")));
                }
            }
            JsonNode owner = block.path(Policy.OWNER.id());
            JsonNode description = block.path(Policy.DESCRIPTION.id());
            JsonNode topics = block.path(Policy.TOPIC_NAMING.id());
            Policies policies = new Policies(severities,
                    owner.has("pattern") ? regex(owner.get("pattern")) : defaults.ownerPattern(),
                    description.has("minLength") ? description.get("minLength").asInt() : defaults.descriptionMinLength(),
                    strings(block.path(Policy.CLASSIFICATION.id()).get("allowed"), defaults.classifications()),
                    topics.has("output") ? regex(topics.get("output")) : defaults.outputTopic(),
                    topics.has("input") ? regex(topics.get("input")) : defaults.inputTopic(),
                    strings(block.path(Policy.SLA.id()).get("required"), defaults.slaRequired()));
            policies.slaRequired().stream().filter(target -> !SLA_TARGETS.contains(target)).forEach(target ->
                    problem(block.path(Policy.SLA.id()).get("required"), "unknown SLA target '" + target
                            + "'; known: " + SLA_TARGETS.stream().sorted().toList()));
            if (!problems.isEmpty()) {
                throw new ContractException(problems);
            }
            return policies;
        }

        private Severity severity(JsonNode node) {
            try {
                return Severity.valueOf(node.asString().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problem(node, "severity is error, warning or off, not '" + node.asString() + "'");
                return Severity.ERROR;
            }
        }

        /** A regular expression, which may use the {domain} and {name} placeholders. */
        private String regex(JsonNode node) {
            String text = node.asString();
            try {
                Pattern.compile(text.replace("{domain}", "domain").replace("{name}", "name"));
                return text;
            } catch (PatternSyntaxException e) {
                problem(node, "not a regular expression: " + e.getDescription());
                return ".*";
            }
        }

        private List<String> strings(JsonNode node, List<String> fallback) {
            if (node == null) {
                return fallback;
            }
            if (!node.isArray() || node.isEmpty()) {
                problem(node, "expected a non-empty list of names");
                return fallback;
            }
            List<String> values = new ArrayList<>();
            node.forEach(value -> values.add(value.asString()));
            return values;
        }

        private void problem(JsonNode at, String message) {
            problems.add(new ContractProblem(file, Locations.line(at), Locations.column(at), "policies", message));
        }
    }
}
