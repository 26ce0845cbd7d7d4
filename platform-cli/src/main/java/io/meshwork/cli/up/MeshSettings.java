package io.meshwork.cli.up;

import io.meshwork.core.security.DevelopmentToken;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What every product instance of a local mesh is given, whether it runs in the mesh's JVM or as a process of its own.
 *
 * @param dataDir             the mesh's data directory; instance state under {@code state/<label>}
 * @param bootstrapServers    the Kafka cluster
 * @param connection          its credentials and TLS settings ({@code security.*}, {@code sasl.*}, {@code ssl.*})
 * @param processingGuarantee Kafka Streams' processing guarantee
 * @param token               the development token every query port accepts, and its secret
 */
record MeshSettings(Path dataDir, String bootstrapServers, Map<String, Object> connection, String processingGuarantee,
                    DevelopmentToken token) {

    static final String LOOPBACK = "127.0.0.1";
    /** After a crash, a restarted mesh waits this long for its old group members to expire. */
    static final int SESSION_TIMEOUT_MS = 10_000;

    /** The Kafka settings of every instance, by their Kafka names. */
    Map<String, Object> kafkaSettings() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("bootstrap.servers", bootstrapServers);
        settings.putAll(connection);
        settings.put("processing.guarantee", processingGuarantee);
        settings.put("session.timeout.ms", SESSION_TIMEOUT_MS);
        return settings;
    }

    /** Where instance {@code label} keeps its state stores. */
    Path stateDir(String label) {
        return dataDir.resolve("state").resolve(label);
    }
}
