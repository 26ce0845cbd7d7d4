package io.meshwork.core.runtime;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The Kafka settings a product passes through (every Kafka Streams, producer, consumer and admin setting), and which
 * of them are secrets: those Kafka itself types as passwords ({@code sasl.jaas.config}, {@code ssl.*.password}, ...),
 * and any other whose name says password, secret or token. Wherever the platform prints or serves configuration, it
 * prints {@link #masked(Map)}.
 */
public final class KafkaSettings {

    /** What a secret's value reads as once masked, as in Kafka's own logs. */
    public static final String HIDDEN = "[hidden]";

    private static final Set<String> NAMES = new TreeSet<>();
    private static final Set<String> PASSWORDS = new TreeSet<>();

    static {
        Stream.of(StreamsConfig.configDef(), ProducerConfig.configDef(), ConsumerConfig.configDef(),
                AdminClientConfig.configDef()).forEach(def -> def.configKeys().forEach((name, key) -> {
                    NAMES.add(name);
                    if (key.type == ConfigDef.Type.PASSWORD) {
                        PASSWORDS.add(name);
                    }
                }));
    }

    private KafkaSettings() {
    }

    /** Whether {@code name} is a Kafka Streams, producer, consumer or admin setting. */
    static boolean isKafkaSetting(String name) {
        return NAMES.contains(name);
    }

    /** Whether the value of {@code name} is a secret: never to be logged, served or written where others read. */
    public static boolean isSecret(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return PASSWORDS.contains(name) || lower.contains("password") || lower.contains("secret")
                || lower.contains("jaas") || lower.contains("token") || lower.endsWith(".key");
    }

    /** {@code settings}, sorted by name, with every secret's value replaced by {@value #HIDDEN}. */
    public static Map<String, Object> masked(Map<String, ?> settings) {
        Map<String, Object> masked = new TreeMap<>();
        settings.forEach((name, value) -> masked.put(name, isSecret(name) && value != null ? HIDDEN : value));
        return masked;
    }
}
