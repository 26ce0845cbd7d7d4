package io.meshwork.core.runtime;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * How a product runs: where Kafka is, which Kafka client settings to pass through, its query-port address and
 * state folder. Read from the environment by {@link #fromEnvironment(Map)}.
 *
 * <ul>
 *   <li>{@code KAFKA_<NAME>} becomes the Kafka setting {@code <name>} with {@code _} read as {@code .}, when it
 *       is a Kafka Streams, producer, consumer or admin setting: {@code KAFKA_BOOTSTRAP_SERVERS},
 *       {@code KAFKA_SECURITY_PROTOCOL}, {@code KAFKA_SASL_MECHANISM}, {@code KAFKA_SASL_JAAS_CONFIG},
 *       {@code KAFKA_PROCESSING_GUARANTEE}, {@code KAFKA_APPLICATION_ID}, ...</li>
 *   <li>{@code MESHWORK_HTTP_PORT} (default 8080, 0 picks a free port), {@code MESHWORK_HTTP_HOST}
 *       (default 0.0.0.0), {@code MESHWORK_STATE_DIR}, {@code MESHWORK_CREATE_TOPICS} (default true).</li>
 * </ul>
 *
 * @param kafka        Kafka client and Streams settings; must hold {@code bootstrap.servers}
 * @param httpHost     query-port bind address
 * @param httpPort     query-port port, 0 for any free port
 * @param stateDir     Kafka Streams state folder, if not the Streams default
 * @param createTopics whether the product creates its own output and dead-letter topics when missing
 */
public record ProductConfig(Map<String, Object> kafka, String httpHost, int httpPort, Optional<Path> stateDir,
                            boolean createTopics) {

    /** Default query port. */
    public static final int DEFAULT_HTTP_PORT = 8080;

    private static final Set<String> KAFKA_SETTINGS = kafkaSettings();

    public ProductConfig {
        kafka = Map.copyOf(kafka);
        if (!kafka.containsKey(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG)) {
            throw new IllegalArgumentException("Kafka bootstrap servers are not set: set KAFKA_BOOTSTRAP_SERVERS");
        }
    }

    /** A config for {@code bootstrapServers} with every other setting at its default. */
    public static ProductConfig of(String bootstrapServers) {
        return new ProductConfig(Map.of(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), "0.0.0.0",
                DEFAULT_HTTP_PORT, Optional.empty(), true);
    }

    /** Reads the config from environment variables (see the class comment). */
    public static ProductConfig fromEnvironment(Map<String, String> env) {
        Map<String, Object> kafka = new HashMap<>();
        env.forEach((name, value) -> {
            if (name.startsWith("KAFKA_")) {
                String setting = name.substring("KAFKA_".length()).toLowerCase(Locale.ROOT).replace('_', '.');
                if (KAFKA_SETTINGS.contains(setting)) {
                    kafka.put(setting, value);
                }
            }
        });
        int port = Integer.parseInt(env.getOrDefault("MESHWORK_HTTP_PORT", Integer.toString(DEFAULT_HTTP_PORT)));
        return new ProductConfig(kafka, env.getOrDefault("MESHWORK_HTTP_HOST", "0.0.0.0"), port,
                Optional.ofNullable(env.get("MESHWORK_STATE_DIR")).map(Path::of),
                Boolean.parseBoolean(env.getOrDefault("MESHWORK_CREATE_TOPICS", "true")));
    }

    /** This config with one more Kafka setting. */
    public ProductConfig withKafka(String setting, Object value) {
        Map<String, Object> copy = new HashMap<>(kafka);
        copy.put(setting, value);
        return new ProductConfig(copy, httpHost, httpPort, stateDir, createTopics);
    }

    /** This config serving the query port on {@code port} (0: any free port). */
    public ProductConfig withHttpPort(int port) {
        return new ProductConfig(kafka, httpHost, port, stateDir, createTopics);
    }

    /** This config keeping Kafka Streams state under {@code dir}. */
    public ProductConfig withStateDir(Path dir) {
        return new ProductConfig(kafka, httpHost, httpPort, Optional.of(dir), createTopics);
    }

    /** The bootstrap servers. */
    public String bootstrapServers() {
        return kafka.get(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG).toString();
    }

    private static Set<String> kafkaSettings() {
        Set<String> names = new TreeSet<>(StreamsConfig.configDef().names());
        names.addAll(ProducerConfig.configNames());
        names.addAll(ConsumerConfig.configNames());
        names.addAll(AdminClientConfig.configNames());
        return names;
    }
}
