package io.meshwork.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import javax.net.ssl.SSLHandshakeException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.junit.jupiter.api.Test;

class KafkaAccessTest {

    private static final Map<String, Object> ORDERS = Map.of("sasl.jaas.config",
            "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"commerce-orders\" password=\"wrong\";");

    @Test
    void refusedCredentialsAreOneLineNamingTheUserAndTheClusterButNotThePassword() {
        String line = KafkaAccess.refusal(new SaslAuthenticationException("Authentication failed during authentication "
                + "due to invalid credentials with SASL mechanism SCRAM-SHA-512"), ORDERS, "127.0.0.1:9093");

        assertThat(line).isEqualTo("Kafka refused the credentials of user 'commerce-orders' (SASL authentication failed) "
                + "at 127.0.0.1:9093").doesNotContain("wrong");
    }

    @Test
    void aFailedTlsHandshakeSaysSoWithItsRootCause() {
        String line = KafkaAccess.refusal(new SslAuthenticationException("SSL handshake failed",
                new SSLHandshakeException("PKIX path building failed\nmore")), ORDERS, "127.0.0.1:9093");

        assertThat(line).isEqualTo("Kafka's TLS handshake failed at 127.0.0.1:9093 (check KAFKA_SSL_TRUSTSTORE_*): "
                + "PKIX path building failed");
    }

    @Test
    void withoutAJaasUserTheRefusalSaysWhatKafkaSaid() {
        assertThat(KafkaAccess.refusal(new SaslAuthenticationException("no"), Map.of(), "b:9093"))
                .isEqualTo("Kafka refused the connection (SASL authentication failed) at b:9093: no");
    }
}
