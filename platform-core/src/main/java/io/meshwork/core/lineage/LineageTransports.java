package io.meshwork.core.lineage;

import io.openlineage.client.transports.ApiKeyTokenProvider;
import io.openlineage.client.transports.ConsoleTransport;
import io.openlineage.client.transports.HttpConfig;
import io.openlineage.client.transports.HttpTransport;
import io.openlineage.client.transports.KafkaConfig;
import io.openlineage.client.transports.KafkaTransport;
import io.openlineage.client.transports.Transport;
import java.net.URI;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

/** OpenLineage client transports for a {@link LineageConfig}. */
final class LineageTransports {

    /** Where an HTTP URL without a path posts: the OpenLineage API path. */
    static final String DEFAULT_ENDPOINT = "/api/v1/lineage";
    private static final int HTTP_TIMEOUT_MS = 5_000;

    private LineageTransports() {
    }

    /**
     * The transport of {@code config}; not for {@link LineageConfig.Transport#OFF}.
     *
     * @param kafka the product's Kafka client settings (bootstrap servers, security), for the Kafka transport
     */
    static Transport create(LineageConfig config, Map<String, Object> kafka, String clientId) {
        return switch (config.transport()) {
            case CONSOLE -> new ConsoleTransport();
            case HTTP -> new HttpTransport(http(config));
            case KAFKA -> new KafkaTransport(kafka(config, kafka, clientId));
            case OFF -> throw new IllegalArgumentException("lineage is off: there is no transport");
        };
    }

    static HttpConfig http(LineageConfig config) {
        URI url = config.url().orElseThrow();
        HttpConfig http = new HttpConfig();
        String path = url.getRawPath();
        http.setUrl(URI.create(url.getScheme() + "://" + url.getRawAuthority()));
        http.setEndpoint(path == null || path.isEmpty() || path.equals("/") ? DEFAULT_ENDPOINT : path);
        http.setTimeoutInMillis(HTTP_TIMEOUT_MS);
        config.apiKey().ifPresent(key -> {
            ApiKeyTokenProvider token = new ApiKeyTokenProvider();
            token.setApiKey(key);
            http.setAuth(token);
        });
        return http;
    }

    static KafkaConfig kafka(LineageConfig config, Map<String, Object> kafka, String clientId) {
        Properties producer = new Properties();
        kafka.forEach((key, value) -> {
            if (ProducerConfig.configNames().contains(key) && !key.startsWith("transactional")) {
                producer.put(key, value);
            }
        });
        producer.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        producer.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producer.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        // Lineage must never hold the product up: give up on a send after a few seconds instead of a minute.
        producer.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        return new KafkaConfig(config.topic(), null, producer);
    }
}
