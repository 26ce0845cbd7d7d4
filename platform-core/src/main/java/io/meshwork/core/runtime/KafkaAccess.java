package io.meshwork.core.runtime;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The product's first contact with its cluster, made at start-up by its admin client: when Kafka refuses the
 * product's credentials or its TLS, start-up stops at once with one line saying so, instead of Kafka Streams retrying
 * in the background and the product never becoming ready. A cluster that does not answer is not an error here: the
 * product starts and waits for it, as it always has.
 */
final class KafkaAccess {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaAccess.class);
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(30);
    private static final Pattern USERNAME = Pattern.compile("username\\s*=\\s*\"([^\"]*)\"");

    private KafkaAccess() {
    }

    /**
     * An admin client with {@code settings}.
     *
     * @throws IllegalStateException if Kafka's client rejects the settings (say, a truststore that is not there)
     */
    static Admin connect(Properties settings, String bootstrapServers) {
        try {
            return Admin.create(settings);
        } catch (KafkaException e) {
            throw new IllegalStateException("cannot create a Kafka client for " + bootstrapServers + ": " + rootMessage(e), e);
        }
    }

    /**
     * Asks the cluster who it is, once, with {@code kafka}'s credentials.
     *
     * @throws IllegalStateException with a one-line message if Kafka refuses the credentials or the TLS handshake
     */
    static void verify(Admin admin, Map<String, Object> kafka, String bootstrapServers) {
        try {
            admin.describeCluster().clusterId().get(ANSWER_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AuthenticationException refused) {
                throw new IllegalStateException(refusal(refused, kafka, bootstrapServers), refused);
            }
            LOG.warn("Kafka at {} did not describe its cluster: {}; carrying on", bootstrapServers, e.getCause().toString());
        } catch (TimeoutException e) {
            LOG.warn("Kafka at {} did not answer within {} s; carrying on and waiting for it", bootstrapServers,
                    ANSWER_WITHIN.toSeconds());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while connecting to Kafka at " + bootstrapServers, e);
        }
    }

    /** One line: who was refused, why, where. */
    static String refusal(AuthenticationException refused, Map<String, Object> kafka, String bootstrapServers) {
        if (refused instanceof SslAuthenticationException) {
            return "Kafka's TLS handshake failed at " + bootstrapServers + " (check KAFKA_SSL_TRUSTSTORE_*): "
                    + rootMessage(refused);
        }
        String why = refused instanceof SaslAuthenticationException ? "SASL authentication failed" : "authentication failed";
        return user(kafka).map(user -> "Kafka refused the credentials of user '" + user + "' (" + why + ") at " + bootstrapServers)
                .orElse("Kafka refused the connection (" + why + ") at " + bootstrapServers + ": " + rootMessage(refused));
    }

    /** The user name in {@code sasl.jaas.config}, if any (never the password). */
    static Optional<String> user(Map<String, Object> kafka) {
        Object jaas = kafka.get(SaslConfigs.SASL_JAAS_CONFIG);
        if (jaas == null) {
            return Optional.empty();
        }
        Matcher matcher = USERNAME.matcher(jaas.toString());
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
