package io.meshwork.core.lineage;

/**
 * OpenLineage dataset naming for Kafka: namespace {@code kafka://<host>:<port>} of the first bootstrap server,
 * name = the topic (the OpenLineage naming spec for Kafka).
 */
public final class KafkaDatasets {

    private KafkaDatasets() {
    }

    /** The dataset namespace of a cluster reached through {@code bootstrapServers}. */
    public static String namespace(String bootstrapServers) {
        String first = bootstrapServers.split(",")[0].strip();
        int scheme = first.indexOf("://");
        return "kafka://" + (scheme >= 0 ? first.substring(scheme + 3) : first);
    }
}
