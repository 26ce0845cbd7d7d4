package io.meshwork.testkit.kafka;

import org.apache.kafka.common.test.TestKitNodes;

/**
 * Makes the embedded cluster bootstrap at Kafka's latest <em>production</em> metadata version
 * instead of the test kit's default, the latest unstable one, so that kept data directories stay
 * usable across Kafka upgrades and brokers behave like released ones.
 *
 * <p>Reflection, because {@code MetadataVersion} lives in {@code kafka-server-common}, which
 * reaches this module only at runtime scope (the parent pom does not manage it).
 */
final class ProductionMetadataVersion {

    private static final String METADATA_VERSION = "org.apache.kafka.server.common.MetadataVersion";

    private ProductionMetadataVersion() {
    }

    static TestKitNodes.Builder apply(TestKitNodes.Builder nodes) {
        try {
            Class<?> metadataVersion = Class.forName(METADATA_VERSION);
            Object latestProduction = metadataVersion.getMethod("latestProduction").invoke(null);
            TestKitNodes.Builder.class.getMethod("setBootstrapMetadataVersion", metadataVersion).invoke(nodes, latestProduction);
            return nodes;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot select the production metadata version of this Kafka release", e);
        }
    }
}
