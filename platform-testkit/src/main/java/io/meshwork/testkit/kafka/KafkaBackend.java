package io.meshwork.testkit.kafka;

import java.util.Locale;

/** Where a {@link KafkaCluster} started by {@link KafkaClusters} runs. */
public enum KafkaBackend {

    /** In this JVM, from Kafka's own server artifacts ({@link EmbeddedKafkaCluster}). */
    EMBEDDED,

    /** In a Docker container, via Testcontainers ({@link TestcontainersKafkaCluster}). */
    TESTCONTAINERS;

    /**
     * Parses a backend name, case-insensitively: {@code embedded} or {@code testcontainers}.
     *
     * @throws IllegalArgumentException for any other name
     */
    public static KafkaBackend parse(String name) {
        String normalized = name.trim().toUpperCase(Locale.ROOT);
        for (KafkaBackend backend : values()) {
            if (backend.name().equals(normalized)) {
                return backend;
            }
        }
        throw new IllegalArgumentException("Unknown Kafka backend '" + name + "': use 'embedded' or 'testcontainers'");
    }
}
