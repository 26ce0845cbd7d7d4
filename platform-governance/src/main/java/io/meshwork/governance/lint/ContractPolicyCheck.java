package io.meshwork.governance.lint;

import io.meshwork.core.contract.Locations;
import io.meshwork.core.contract.JsonPaths;
import io.meshwork.core.contract.SchemaKeywords;
import io.meshwork.governance.lint.Policies.Policy;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Checks one contract tree against the {@link Policies}. The contract loader's own rules (YAML, required fields,
 * semantic version, SLA formats, a valid JSON Schema) are not repeated here; {@link ContractLinter} adds them.
 */
final class ContractPolicyCheck {

    private final Path file;
    private final Policies policies;
    private final JsonNode root;
    private final KeyPositions keys;
    private final List<LintFinding> findings;

    ContractPolicyCheck(Path file, Policies policies, JsonNode root, KeyPositions keys, List<LintFinding> findings) {
        this.file = file;
        this.policies = policies;
        this.root = root;
        this.keys = keys;
        this.findings = findings;
    }

    void run() {
        JsonNode product = root.path("dataProduct");
        owner(product.get("owner"));
        description(product.get("description"));
        classification(root.get("access"));
        topicNaming(product.path("domain").asString(""), product.path("name").asString(""), root.path("ports"));
        sla(root.get("sla"));
        if (root.path("schema").isObject()) {
            describedProperties(root.get("schema"), "/schema", JsonPaths.ROOT);
        }
        fileNaming(product);
    }

    private void owner(JsonNode owner) {
        if (owner != null && owner.isString() && !policies.isTeamHandle(owner.asString())) {
            at(owner, Policy.OWNER, "owner '" + owner.asString() + "' is not a team handle matching "
                    + policies.ownerPattern());
        }
    }

    private void description(JsonNode description) {
        String text = description == null || !description.isString() ? "" : description.asString().strip();
        if (text.isEmpty()) {
            atKey("/dataProduct", Policy.DESCRIPTION, "dataProduct has no description: say what the product is and "
                    + "who it is for");
        } else if (text.length() < policies.descriptionMinLength()) {
            at(description, Policy.DESCRIPTION, "description is " + text.length() + " characters; write at least "
                    + policies.descriptionMinLength() + " to say what the product is and who it is for");
        }
    }

    private void classification(JsonNode access) {
        JsonNode classification = access == null ? null : access.get("classification");
        if (classification == null || classification.isNull()) {
            String where = access == null ? "" : "/access";
            atKey(where, Policy.CLASSIFICATION, "no access.classification; declare one of " + policies.classifications());
        } else if (!policies.classifications().contains(classification.asString())) {
            at(classification, Policy.CLASSIFICATION, "classification '" + classification.asString()
                    + "' is not one of " + policies.classifications());
        }
    }

    private void topicNaming(String domain, String name, JsonNode ports) {
        var outputPattern = policies.outputTopicFor(domain, name);
        for (JsonNode topic : List.of(ports.path("output").path("topic"), ports.path("deadLetter"))) {
            if (topic.isString() && !outputPattern.matcher(topic.asString()).matches()) {
                at(topic, Policy.TOPIC_NAMING, "topic '" + topic.asString() + "' does not match "
                        + policies.outputTopic().replace("{domain}", domain).replace("{name}", name)
                        + ": a product's topics are named <domain>.<name>...");
            }
        }
        for (JsonNode input : ports.path("inputs")) {
            JsonNode topic = input.path("topic");
            if (topic.isString() && !policies.isInputTopicName(topic.asString())) {
                at(topic, Policy.TOPIC_NAMING, "input topic '" + topic.asString() + "' does not match "
                        + policies.inputTopic() + ": topics are named <domain>.<name>...");
            }
        }
    }

    private void sla(JsonNode sla) {
        if (sla == null || !sla.isObject()) {
            if (sla == null) {
                atKey("", Policy.SLA, "no sla: a product promises " + String.join(", ", policies.slaRequired()));
            }
            return;
        }
        for (String target : policies.slaRequired()) {
            if (!sla.has(target)) {
                atKey("/sla", Policy.SLA, "sla has no " + target + " target");
            }
        }
    }

    private void describedProperties(JsonNode schema, String pointer, String path) {
        JsonNode properties = schema.get("properties");
        if (properties != null && properties.isObject()) {
            for (Map.Entry<String, JsonNode> property : properties.properties()) {
                String propertyPointer = KeyPositions.child(KeyPositions.child(pointer, "properties"), property.getKey());
                String propertyPath = JsonPaths.property(path, property.getKey());
                JsonNode value = property.getValue();
                if (value.isObject() && value.path("description").asString("").isBlank()) {
                    atKey(propertyPointer, Policy.PROPERTY_DESCRIPTION, "property " + propertyPath
                            + " has no description");
                }
                if (value.isObject()) {
                    describedProperties(value, propertyPointer, propertyPath);
                }
            }
        }
        for (Map.Entry<String, JsonNode> keyword : schema.properties()) {
            String keywordPointer = KeyPositions.child(pointer, keyword.getKey());
            JsonNode value = keyword.getValue();
            if (SchemaKeywords.SCHEMA_VALUES.contains(keyword.getKey()) && value.isObject()) {
                String next = keyword.getKey().contains("tems") ? JsonPaths.items(path) : path;
                describedProperties(value, keywordPointer, next);
            } else if (SchemaKeywords.SCHEMA_MAPS.contains(keyword.getKey()) && !keyword.getKey().equals("properties")
                    && value.isObject()) {
                for (Map.Entry<String, JsonNode> entry : value.properties()) {
                    if (entry.getValue().isObject()) {
                        describedProperties(entry.getValue(), KeyPositions.child(keywordPointer, entry.getKey()),
                                keyword.getKey().endsWith("efs") || keyword.getKey().equals("definitions")
                                        ? "#/" + keyword.getKey() + "/" + entry.getKey() : path);
                    }
                }
            } else if (SchemaKeywords.SCHEMA_LISTS.contains(keyword.getKey()) && value.isArray()) {
                for (int i = 0; i < value.size(); i++) {
                    if (value.get(i).isObject()) {
                        describedProperties(value.get(i), keywordPointer + "/" + i,
                                keyword.getKey().equals("prefixItems") ? path + "[" + i + "]" : path);
                    }
                }
            }
        }
    }

    private void fileNaming(JsonNode product) {
        JsonNode name = product.get("name");
        JsonNode domain = product.get("domain");
        Path folder = file.toAbsolutePath().getParent();
        if (name == null || domain == null || folder == null || folder.getFileName() == null) {
            return;
        }
        String expected = domain.asString() + "/" + name.asString() + ".yaml";
        String actual = folder.getFileName() + "/" + file.getFileName();
        if (!expected.equals(actual)) {
            at(name, Policy.FILE_NAMING, "the contract of " + domain.asString() + "/" + name.asString()
                    + " must be saved as <contracts>/" + expected + " for the product to find it; it is ."
                    + "../" + actual);
        }
    }

    private void at(JsonNode node, Policy policy, String message) {
        add(Locations.line(node), Locations.column(node), policy, message);
    }

    /** At the key {@code pointer} names; the whole document when it is the root or absent. */
    private void atKey(String pointer, Policy policy, String message) {
        if (pointer.isEmpty()) {
            add(1, 1, policy, message);
        } else if (keys.has(pointer)) {
            add(keys.line(pointer), keys.column(pointer), policy, message);
        } else {
            at(root, policy, message);
        }
    }

    private void add(int line, int column, Policy policy, String message) {
        Severity severity = policies.severity(policy);
        if (severity != Severity.OFF) {
            findings.add(new LintFinding(file, line, column, severity, policy.id(), message));
        }
    }
}
