package io.meshwork.core.query;

import static io.meshwork.core.query.PortClient.get;
import static io.meshwork.core.query.PortClient.json;
import static io.meshwork.core.query.PortClient.problem;
import static org.assertj.core.api.Assertions.assertThat;

import io.meshwork.core.runtime.ProductConfig;
import io.meshwork.core.runtime.ProductRuntime;
import io.meshwork.core.security.DevelopmentTokens;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A product whose Kafka cluster is unreachable never gets past REBALANCING: its stores answer 503 with
 * {@code Retry-After}, after the token and the request itself have been checked.
 */
class StoreQueryPortBeforeRunningIT {

    private static final String SECRET = DevelopmentTokens.newSecret();
    private static final String TOKEN = DevelopmentTokens.sign(SECRET, List.of("web:read", "analytics:read"),
            Instant.now().plus(Duration.ofHours(1)));

    @TempDir
    static Path state;

    private static ProductRuntime product;

    @BeforeAll
    static void startWithoutKafka() {
        // Nothing listens on port 1: Kafka Streams starts and keeps looking for the cluster.
        product = ProductRuntime.start(new PageVisitsProduct(), PageVisitsProduct.contract(), ProductConfig.fromEnvironment(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", "localhost:1",
                "MESHWORK_HTTP_PORT", "0",
                "MESHWORK_CREATE_TOPICS", "false",
                "MESHWORK_STATE_DIR", state.toString(),
                "MESHWORK_JWT_SECRET", SECRET)));
    }

    @AfterAll
    static void stop() {
        if (product != null) {
            product.close();
        }
    }

    @Test
    void storesAnswer503WithRetryAfterUntilKafkaStreamsIsRunning() {
        assertThat(product.state()).isNotEqualTo(KafkaStreams.State.RUNNING);
        HttpResponse<String> response = get(product.httpPort(), "/stores/visits-by-page/keys/home", TOKEN);
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("2");
        assertThat(problem(response).path("detail").asString()).contains("REBALANCING");

        assertThat(get(product.httpPort(), "/stores/visits-by-page/keys?prefix=h", TOKEN).statusCode()).isEqualTo(503);
        assertThat(get(product.httpPort(), "/stores/visits-per-minute/keys/home", TOKEN).statusCode()).isEqualTo(503);
    }

    @Test
    void tokensAndMalformedRequestsAreAnsweredBeforeTheState() {
        assertThat(get(product.httpPort(), "/stores/visits-by-page/keys/home").statusCode()).isEqualTo(401);
        assertThat(get(product.httpPort(), "/stores/visits-by-user/keys/not-a-number", TOKEN).statusCode()).isEqualTo(400);
        assertThat(get(product.httpPort(), "/stores/unknown/keys/home", TOKEN).statusCode()).isEqualTo(404);
    }

    @Test
    void theStoreListNeedsNoRunningState() {
        HttpResponse<String> response = get(product.httpPort(), "/stores", TOKEN);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("stores").toString()).isEqualTo("[{\"name\":\"visits-by-page\",\"kind\":\"key-value\","
                + "\"keyType\":\"String\"},{\"name\":\"visits-per-minute\",\"kind\":\"window\",\"keyType\":\"String\"},"
                + "{\"name\":\"visits-by-user\",\"kind\":\"key-value\",\"keyType\":\"Long\"}]");
    }
}
