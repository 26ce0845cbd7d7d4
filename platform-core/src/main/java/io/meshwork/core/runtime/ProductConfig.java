package io.meshwork.core.runtime;

import io.meshwork.core.lineage.LineageConfig;
import io.meshwork.core.security.AccessSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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
 *   <li>{@code MESHWORK_ADVERTISED_URL}: where other instances reach this one's query port
 *       ({@code http://host:port}); default the bind host and port, localhost for a wildcard bind.</li>
 *   <li>{@code MESHWORK_JWT_SECRET}, {@code MESHWORK_JWT_PUBLIC_KEY}, {@code MESHWORK_JWKS_FILE},
 *       {@code MESHWORK_JWT_ISSUER}, {@code MESHWORK_JWT_AUDIENCE}, {@code MESHWORK_QUERY_AUTH}: bearer-token
 *       verification on the query port, see {@link AccessSettings}.</li>
 *   <li>{@code MESHWORK_LAG_INTERVAL}: how often the input lag is measured, ISO-8601 (default {@code PT10S}).</li>
 *   <li>{@code MESHWORK_STALL_TIMEOUT}: how long Kafka Streams may stay out of RUNNING without restoring anything
 *       before {@code /health} fails, ISO-8601 (default {@code PT5M}).</li>
 *   <li>{@code MESHWORK_OPENLINEAGE_*}: where OpenLineage run events go, see {@link LineageConfig}.</li>
 * </ul>
 *
 * @param kafka        Kafka client and Streams settings; must hold {@code bootstrap.servers}
 * @param httpHost     query-port bind address
 * @param httpPort     query-port port, 0 for any free port
 * @param stateDir     Kafka Streams state folder, if not the Streams default
 * @param createTopics whether the product creates its own output and dead-letter topics when missing
 * @param advertisedUrl where other instances reach this one's query port, if not the bind address
 * @param access       how the query port verifies bearer tokens
 * @param lagInterval  how often the input lag is measured
 * @param lineage      where OpenLineage run events go
 * @param stallTimeout how long Kafka Streams may stay out of RUNNING without restoring anything before the product
 *                     reports itself not alive on {@code /health}
 */
public record ProductConfig(Map<String, Object> kafka, String httpHost, int httpPort, Optional<Path> stateDir,
                            boolean createTopics, Optional<String> advertisedUrl, AccessSettings access,
                            Duration lagInterval, LineageConfig lineage, Duration stallTimeout) {

    private static final String KAFKA_PREFIX = "KAFKA_";

    /** Default query port. */
    public static final int DEFAULT_HTTP_PORT = 8080;
    /** Default bound on a stall before {@code /health} fails. */
    public static final Duration DEFAULT_STALL_TIMEOUT = Duration.ofMinutes(5);
    /** Default period of input-lag measurement. */
    public static final Duration DEFAULT_LAG_INTERVAL = Duration.ofSeconds(10);

    public ProductConfig {
        kafka = Map.copyOf(kafka);
        if (!kafka.containsKey(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG)) {
            throw new IllegalArgumentException("Kafka bootstrap servers are not set: set KAFKA_BOOTSTRAP_SERVERS");
        }
        if (lagInterval.isNegative() || lagInterval.isZero()) {
            throw new IllegalArgumentException("MESHWORK_LAG_INTERVAL must be positive, got " + lagInterval);
        }
        if (stallTimeout.isNegative() || stallTimeout.isZero()) {
            throw new IllegalArgumentException("MESHWORK_STALL_TIMEOUT must be positive, got " + stallTimeout);
        }
    }

    /** A config for {@code bootstrapServers} with every other setting at its default. */
    public static ProductConfig of(String bootstrapServers) {
        return new ProductConfig(Map.of(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), "0.0.0.0",
                DEFAULT_HTTP_PORT, Optional.empty(), true, Optional.empty(), AccessSettings.none(), DEFAULT_LAG_INTERVAL,
                LineageConfig.off(), DEFAULT_STALL_TIMEOUT);
    }

    /** Reads the config from environment variables (see the class comment). */
    public static ProductConfig fromEnvironment(Map<String, String> env) {
        Map<String, Object> kafka = kafkaSettings(env);
        int port = Integer.parseInt(env.getOrDefault("MESHWORK_HTTP_PORT", Integer.toString(DEFAULT_HTTP_PORT)));
        return new ProductConfig(kafka, env.getOrDefault("MESHWORK_HTTP_HOST", "0.0.0.0"), port,
                Optional.ofNullable(env.get("MESHWORK_STATE_DIR")).map(Path::of),
                Boolean.parseBoolean(env.getOrDefault("MESHWORK_CREATE_TOPICS", "true")),
                Optional.ofNullable(env.get("MESHWORK_ADVERTISED_URL")).filter(url -> !url.isBlank()),
                AccessSettings.fromEnvironment(env), duration(env, "MESHWORK_LAG_INTERVAL", DEFAULT_LAG_INTERVAL),
                LineageConfig.fromEnvironment(env), duration(env, "MESHWORK_STALL_TIMEOUT", DEFAULT_STALL_TIMEOUT));
    }

    /**
     * The variable that carries Kafka setting {@code setting} into a product ({@code bootstrap.servers} →
     * {@code KAFKA_BOOTSTRAP_SERVERS}): the inverse of {@link #kafkaSettings}, for whoever starts a product process.
     */
    public static String environmentVariable(String setting) {
        return KAFKA_PREFIX + setting.toUpperCase(Locale.ROOT).replace('.', '_');
    }

    /** The Kafka settings {@code KAFKA_<NAME>} variables of {@code env} give (see the class comment). */
    public static Map<String, Object> kafkaSettings(Map<String, String> env) {
        Map<String, Object> kafka = new HashMap<>();
        env.forEach((name, value) -> {
            if (name.startsWith(KAFKA_PREFIX)) {
                String setting = name.substring(KAFKA_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.');
                if (KafkaSettings.isKafkaSetting(setting)) {
                    kafka.put(setting, value);
                }
            }
        });
        return kafka;
    }

    /** This config with one more Kafka setting. */
    public ProductConfig withKafka(String setting, Object value) {
        Map<String, Object> copy = new HashMap<>(kafka);
        copy.put(setting, value);
        return new ProductConfig(copy, httpHost, httpPort, stateDir, createTopics, advertisedUrl, access,
                lagInterval, lineage, stallTimeout);
    }

    /** This config serving the query port on {@code port} (0: any free port). */
    public ProductConfig withHttpPort(int port) {
        return new ProductConfig(kafka, httpHost, port, stateDir, createTopics, advertisedUrl, access, lagInterval,
                lineage, stallTimeout);
    }

    /** This config serving the query port on {@code host} (e.g. 127.0.0.1 for loopback only). */
    public ProductConfig withHttpHost(String host) {
        return new ProductConfig(kafka, host, httpPort, stateDir, createTopics, advertisedUrl, access, lagInterval,
                lineage, stallTimeout);
    }

    /** This config keeping Kafka Streams state under {@code dir}. */
    public ProductConfig withStateDir(Path dir) {
        return new ProductConfig(kafka, httpHost, httpPort, Optional.of(dir), createTopics, advertisedUrl, access,
                lagInterval, lineage, stallTimeout);
    }

    /** This config advertising its query port to the other instances at {@code url} ({@code http://host:port}). */
    public ProductConfig withAdvertisedUrl(String url) {
        return new ProductConfig(kafka, httpHost, httpPort, stateDir, createTopics, Optional.of(url), access,
                lagInterval, lineage, stallTimeout);
    }

    /** This config verifying query-port bearer tokens as {@code access} says. */
    public ProductConfig withAccess(AccessSettings access) {
        return new ProductConfig(kafka, httpHost, httpPort, stateDir, createTopics, advertisedUrl, access,
                lagInterval, lineage, stallTimeout);
    }

    /** This config verifying HS256 query-port tokens signed with {@code secret}, e.g. {@code mesh up}'s dev secret. */
    public ProductConfig withJwtSecret(String secret) {
        return withAccess(access.withJwtSecret(secret));
    }

    /** This config measuring the input lag every {@code interval}. */
    public ProductConfig withLagInterval(Duration interval) {
        return new ProductConfig(kafka, httpHost, httpPort, stateDir, createTopics, advertisedUrl, access, interval,
                lineage, stallTimeout);
    }

    /** This config sending OpenLineage run events as {@code lineage} says, e.g. {@code LineageConfig.kafka(topic)}. */
    public ProductConfig withLineage(LineageConfig lineage) {
        return new ProductConfig(kafka, httpHost, httpPort, stateDir, createTopics, advertisedUrl, access,
                lagInterval, lineage, stallTimeout);
    }

    /** The bootstrap servers. */
    public String bootstrapServers() {
        return kafka.get(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG).toString();
    }

    /** This config failing {@code /health} after a stall of {@code timeout}. */
    public ProductConfig withStallTimeout(Duration timeout) {
        return new ProductConfig(kafka, httpHost, httpPort, stateDir, createTopics, advertisedUrl, access, lagInterval,
                lineage, timeout);
    }

    private static Duration duration(Map<String, String> env, String name, Duration otherwise) {
        String value = env.get(name);
        try {
            return value == null || value.isBlank() ? otherwise : Duration.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " is an ISO-8601 duration such as PT10S, not '" + value + "'");
        }
    }

    /** The config with every secret Kafka setting masked ({@link KafkaSettings#masked}): safe to log. */
    @Override
    public String toString() {
        return "ProductConfig[kafka=" + KafkaSettings.masked(kafka) + ", httpHost=" + httpHost + ", httpPort=" + httpPort
                + ", stateDir=" + stateDir + ", createTopics=" + createTopics + ", advertisedUrl=" + advertisedUrl
                + ", access=" + access + ", lagInterval=" + lagInterval + ", lineage=" + lineage
                + ", stallTimeout=" + stallTimeout + "]";
    }
}
