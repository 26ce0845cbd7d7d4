package io.meshwork.governance.access;

import io.meshwork.core.json.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Strimzi {@code KafkaUser} resource ({@code kafka.strimzi.io/v1}, SCRAM-SHA-512 authentication, simple
 * authorization) granting a principal's {@link AccessPolicy} ACLs: one ACL rule per resource, with all its operations.
 * Strimzi's user operator writes the user's password, and the {@code sasl.jaas.config} that uses it, to the Secret of
 * the user's name; the product's StatefulSet ({@code mesh generate k8s}) reads it from there.
 */
public final class StrimziKafkaUser {

    /** The API version of the generated resources (Strimzi 1.x). */
    public static final String API_VERSION = "kafka.strimzi.io/v1";
    /** How the generated users authenticate: SASL SCRAM-SHA-512 over TLS (the listener of deploy/strimzi/kafka.yaml). */
    public static final String AUTHENTICATION = "scram-sha-512";

    private StrimziKafkaUser() {
    }

    /**
     * The resource for the principal of {@code acls}.
     *
     * @param cluster the Strimzi {@code Kafka} cluster it belongs to ({@code strimzi.io/cluster} label)
     * @throws IllegalArgumentException when {@code acls} is empty or names more than one principal
     */
    public static ObjectNode of(String cluster, List<AclBinding> acls) {
        List<String> principals = acls.stream().map(acl -> acl.entry().principal()).distinct().toList();
        if (principals.size() != 1) {
            throw new IllegalArgumentException("a KafkaUser grants the ACLs of one principal, got " + principals);
        }
        ObjectNode user = Json.mapper().createObjectNode();
        user.put("apiVersion", API_VERSION);
        user.put("kind", "KafkaUser");
        ObjectNode metadata = user.putObject("metadata");
        metadata.put("name", principals.get(0).substring(principals.get(0).indexOf(':') + 1));
        metadata.putObject("labels").put("strimzi.io/cluster", cluster).put("app.kubernetes.io/part-of", "meshwork");
        ObjectNode spec = user.putObject("spec");
        spec.putObject("authentication").put("type", AUTHENTICATION);
        ObjectNode authorization = spec.putObject("authorization");
        authorization.put("type", "simple");
        ArrayNode rules = authorization.putArray("acls");
        Map<ResourcePattern, ArrayNode> byResource = new LinkedHashMap<>();
        for (AclBinding acl : acls) {
            byResource.computeIfAbsent(acl.pattern(), pattern -> {
                ObjectNode rule = rules.addObject();
                ObjectNode resource = rule.putObject("resource");
                resource.put("type", resourceType(pattern.resourceType()));
                if (pattern.resourceType() != ResourceType.CLUSTER) {
                    resource.put("name", pattern.name());
                    resource.put("patternType", pattern.patternType() == PatternType.PREFIXED ? "prefix" : "literal");
                }
                return rule.putArray("operations");
            }).add(operation(acl.entry().operation()));
        }
        return user;
    }

    private static String resourceType(ResourceType type) {
        return type == ResourceType.TRANSACTIONAL_ID ? "transactionalId" : type.name().toLowerCase(Locale.ROOT);
    }

    /** {@code IDEMPOTENT_WRITE} as Strimzi writes it: {@code IdempotentWrite}. */
    private static String operation(AclOperation operation) {
        StringBuilder name = new StringBuilder();
        for (String word : operation.name().split("_")) {
            name.append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
        }
        return name.toString();
    }
}
