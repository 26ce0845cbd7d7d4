package io.meshwork.testkit.kafka;

/**
 * Starts a {@link KafkaCluster} on the backend chosen by the {@value #BACKEND_PROPERTY} system
 * property: {@code embedded} (the default, no Docker needed) or {@code testcontainers}.
 *
 * <pre>{@code
 * try (KafkaCluster kafka = KafkaClusters.start()) { ... }
 * }</pre>
 */
public final class KafkaClusters {

    /** System property selecting the backend: {@code embedded} (default) or {@code testcontainers}. */
    public static final String BACKEND_PROPERTY = "meshwork.kafka.backend";

    private static final String TESTCONTAINERS_CLASS = "org.testcontainers.kafka.KafkaContainer";

    private KafkaClusters() {
    }

    /** The backend selected by {@value #BACKEND_PROPERTY}, {@link KafkaBackend#EMBEDDED} if unset. */
    public static KafkaBackend selectedBackend() {
        String value = System.getProperty(BACKEND_PROPERTY);
        return value == null || value.isBlank() ? KafkaBackend.EMBEDDED : KafkaBackend.parse(value);
    }

    /** Starts a single-broker cluster on the selected backend. */
    public static KafkaCluster start() {
        return start(1);
    }

    /** Starts a cluster of {@code brokers} brokers on the selected backend. */
    public static KafkaCluster start(int brokers) {
        return start(selectedBackend(), brokers);
    }

    /**
     * Starts a cluster of {@code brokers} brokers on the given backend.
     *
     * @throws IllegalStateException if the testcontainers backend is chosen but Testcontainers is
     *                               not on the classpath or no Docker engine is reachable, or if
     *                               it is asked for more than one broker
     */
    public static KafkaCluster start(KafkaBackend backend, int brokers) {
        switch (backend) {
            case EMBEDDED:
                return EmbeddedKafkaCluster.builder().brokers(brokers).start();
            case TESTCONTAINERS:
                requireTestcontainers();
                if (brokers != 1) {
                    throw new IllegalStateException("The testcontainers Kafka backend runs a single broker; "
                        + brokers + " were requested. Use the embedded backend for multi-broker clusters.");
                }
                return startContainer();
            default:
                throw new IllegalArgumentException("Unsupported backend " + backend);
        }
    }

    private static void requireTestcontainers() {
        try {
            Class.forName(TESTCONTAINERS_CLASS, false, KafkaClusters.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalStateException("The testcontainers Kafka backend is selected, but Testcontainers' Kafka module is "
                + "not on the classpath: add the test dependency org.testcontainers:testcontainers-kafka, or use "
                + BACKEND_PROPERTY + "=embedded", e);
        }
    }

    // Kept apart so that TestcontainersKafkaCluster is only linked once Testcontainers is known present.
    private static KafkaCluster startContainer() {
        return TestcontainersKafkaCluster.start();
    }
}
