package io.meshwork.governance.access;

import io.meshwork.core.json.Json;
import java.util.Locale;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.NewTopic;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Strimzi {@code KafkaTopic} resource ({@link StrimziKafkaUser#API_VERSION}) for a topic the contracts declare:
 * its partitions and topic configs (e.g. {@code cleanup.policy}, {@code retention.ms}) as {@code mesh up} creates it.
 */
public final class StrimziKafkaTopic {

    private StrimziKafkaTopic() {
    }

    /**
     * The resource for {@code topic}.
     *
     * @param cluster  the Strimzi {@code Kafka} cluster it belongs to ({@code strimzi.io/cluster} label)
     * @param replicas its replication factor
     */
    public static ObjectNode of(String cluster, NewTopic topic, int replicas) {
        ObjectNode resource = Json.mapper().createObjectNode();
        resource.put("apiVersion", StrimziKafkaUser.API_VERSION);
        resource.put("kind", "KafkaTopic");
        ObjectNode metadata = resource.putObject("metadata");
        String name = resourceName(topic.name());
        metadata.put("name", name);
        metadata.putObject("labels").put("strimzi.io/cluster", cluster).put("app.kubernetes.io/part-of", "meshwork");
        ObjectNode spec = resource.putObject("spec");
        if (!name.equals(topic.name())) {
            spec.put("topicName", topic.name());
        }
        spec.put("partitions", topic.numPartitions());
        spec.put("replicas", replicas);
        if (topic.configs() != null && !topic.configs().isEmpty()) {
            ObjectNode config = spec.putObject("config");
            new TreeMap<>(topic.configs()).forEach(config::put);
        }
        return resource;
    }

    /** Kubernetes names are lower-case letters, digits, '-' and '.': topic names with other characters are mapped. */
    private static String resourceName(String topic) {
        return topic.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]", "-");
    }
}
