package io.meshwork.core.lineage;

import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Where a product sends its OpenLineage run events, and how often it reports progress. Read from the environment
 * by {@link #fromEnvironment(Map)}:
 *
 * <ul>
 *   <li>{@code MESHWORK_OPENLINEAGE_TRANSPORT}: {@code off} (default), {@code console} (the log), {@code http}
 *       or {@code kafka}; {@code mesh up} uses {@code kafka}</li>
 *   <li>{@code MESHWORK_OPENLINEAGE_URL}: the HTTP endpoint, e.g. {@code http://marquez:5000/api/v1/lineage}
 *       (a URL without a path posts to {@code /api/v1/lineage}); required for {@code http}</li>
 *   <li>{@code MESHWORK_OPENLINEAGE_API_KEY}: bearer token for {@code http}, if the endpoint needs one</li>
 *   <li>{@code MESHWORK_OPENLINEAGE_TOPIC}: the topic for {@code kafka}, default {@value #DEFAULT_TOPIC}, on the
 *       product's own cluster and with its Kafka client settings</li>
 *   <li>{@code MESHWORK_OPENLINEAGE_NAMESPACE}: the job namespace, default {@value #DEFAULT_NAMESPACE}</li>
 *   <li>{@code MESHWORK_OPENLINEAGE_INTERVAL}: ISO-8601 period of RUNNING events, default {@code PT1M}</li>
 * </ul>
 *
 * @param transport where events go
 * @param url       HTTP endpoint, for {@link Transport#HTTP}
 * @param apiKey    HTTP bearer token, if any
 * @param topic     Kafka topic, for {@link Transport#KAFKA}
 * @param namespace job namespace
 * @param interval  period of RUNNING events
 */
public record LineageConfig(Transport transport, Optional<URI> url, Optional<String> apiKey, String topic,
                            String namespace, Duration interval) {

    /** Default Kafka topic of lineage events. */
    public static final String DEFAULT_TOPIC = "openlineage.events";
    /** Default job namespace. */
    public static final String DEFAULT_NAMESPACE = "meshwork";
    /** Default period of RUNNING events. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(1);

    /** Where OpenLineage events go. */
    public enum Transport {
        /** Nowhere. */
        OFF,
        /** The product's log, as JSON. */
        CONSOLE,
        /** POSTed to an OpenLineage HTTP endpoint (Marquez, DataHub, ...). */
        HTTP,
        /** A Kafka topic on the product's cluster. */
        KAFKA
    }

    public LineageConfig {
        if (transport == Transport.HTTP && url.isEmpty()) {
            throw new IllegalArgumentException("OpenLineage transport http needs MESHWORK_OPENLINEAGE_URL");
        }
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("MESHWORK_OPENLINEAGE_INTERVAL must be positive, got " + interval);
        }
        if (topic.isBlank() || namespace.isBlank()) {
            throw new IllegalArgumentException("MESHWORK_OPENLINEAGE_TOPIC and _NAMESPACE must not be empty");
        }
    }

    /** No lineage events. */
    public static LineageConfig off() {
        return new LineageConfig(Transport.OFF, Optional.empty(), Optional.empty(), DEFAULT_TOPIC, DEFAULT_NAMESPACE,
                DEFAULT_INTERVAL);
    }

    /** Events to {@code topic} on the product's cluster. */
    public static LineageConfig kafka(String topic) {
        return new LineageConfig(Transport.KAFKA, Optional.empty(), Optional.empty(), topic, DEFAULT_NAMESPACE,
                DEFAULT_INTERVAL);
    }

    /** Events to the product's log. */
    public static LineageConfig console() {
        return new LineageConfig(Transport.CONSOLE, Optional.empty(), Optional.empty(), DEFAULT_TOPIC,
                DEFAULT_NAMESPACE, DEFAULT_INTERVAL);
    }

    /** Events POSTed to {@code url}. */
    public static LineageConfig http(URI url) {
        return new LineageConfig(Transport.HTTP, Optional.of(url), Optional.empty(), DEFAULT_TOPIC, DEFAULT_NAMESPACE,
                DEFAULT_INTERVAL);
    }

    /** The Kafka topic to create for these events, when they go to Kafka. */
    public Optional<NewTopic> kafkaTopic() {
        return transport == Transport.KAFKA ? Optional.of(new NewTopic(topic, Optional.empty(), Optional.empty()))
                : Optional.empty();
    }

    /** This config reporting progress every {@code period}. */
    public LineageConfig withInterval(Duration period) {
        return new LineageConfig(transport, url, apiKey, topic, namespace, period);
    }

    /** Reads the config from environment variables (see the class comment). */
    public static LineageConfig fromEnvironment(Map<String, String> env) {
        String transportName = env.getOrDefault("MESHWORK_OPENLINEAGE_TRANSPORT", "off").strip().toUpperCase(Locale.ROOT);
        Transport transport;
        try {
            transport = Transport.valueOf(transportName);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("MESHWORK_OPENLINEAGE_TRANSPORT is off, console, http or kafka, not '"
                    + env.get("MESHWORK_OPENLINEAGE_TRANSPORT") + "'");
        }
        Optional<URI> url = Optional.ofNullable(env.get("MESHWORK_OPENLINEAGE_URL")).filter(u -> !u.isBlank()).map(u -> {
            try {
                return URI.create(u.strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("MESHWORK_OPENLINEAGE_URL is not a URL: " + u);
            }
        });
        Duration interval = DEFAULT_INTERVAL;
        String period = env.get("MESHWORK_OPENLINEAGE_INTERVAL");
        if (period != null && !period.isBlank()) {
            try {
                interval = Duration.parse(period.strip());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("MESHWORK_OPENLINEAGE_INTERVAL is an ISO-8601 duration such as PT1M, not '"
                        + period + "'");
            }
        }
        return new LineageConfig(transport, url,
                Optional.ofNullable(env.get("MESHWORK_OPENLINEAGE_API_KEY")).filter(k -> !k.isBlank()),
                env.getOrDefault("MESHWORK_OPENLINEAGE_TOPIC", DEFAULT_TOPIC),
                env.getOrDefault("MESHWORK_OPENLINEAGE_NAMESPACE", DEFAULT_NAMESPACE), interval);
    }

    /** The config with the API key masked: safe to log. */
    @Override
    public String toString() {
        return "LineageConfig[transport=" + transport + ", url=" + url + ", apiKey=" + apiKey.map(key -> "[hidden]")
                + ", topic=" + topic + ", namespace=" + namespace + ", interval=" + interval + "]";
    }
}
