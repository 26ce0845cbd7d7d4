package io.meshwork.testkit.kafka;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.utils.Utils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The security of a secured embedded cluster, as the article configures Kafka: clients connect with
 * {@code SASL_SSL} and {@code SCRAM-SHA-512}, over TLS from a CA made up at start; the KRaft
 * {@code StandardAuthorizer} denies whatever no ACL allows; {@value #ADMIN} is the one super user.
 *
 * <p>Brokers and the controller talk to each other on two loopback-only listeners of their own ({@code BROKER},
 * {@code RAFT}) with SASL {@code PLAIN} and a password made up at start: SCRAM credentials live in the cluster
 * metadata, so they cannot authenticate the nodes that serve it. The first SCRAM user, {@value #ADMIN}, is created
 * through the {@code BROKER} listener; every later one through the admin's own SASL_SSL connection.
 */
final class BrokerSecurity implements AutoCloseable {

    /** Inter-broker listener of a secured cluster (SASL_PLAINTEXT, PLAIN, loopback only). */
    static final String INTERNAL_LISTENER = "BROKER";
    /** The platform's super user. */
    static final String ADMIN = "admin";
    static final String SECURITY_PROTOCOL = "SASL_SSL";
    static final String MECHANISM = "SCRAM-SHA-512";
    private static final String SCRAM_LOGIN = "org.apache.kafka.common.security.scram.ScramLoginModule";
    private static final String PLAIN_LOGIN = "org.apache.kafka.common.security.plain.PlainLoginModule";
    private static final int SCRAM_ITERATIONS = 4096;
    private static final Duration AUTHENTICATES_WITHIN = Duration.ofSeconds(15);

    private final Path directory;
    private final LocalCertificateAuthority.Stores stores;
    private final String internalPassword = Secrets.password();
    private final Map<String, String> passwords = new ConcurrentHashMap<>();

    private BrokerSecurity(Path directory, LocalCertificateAuthority.Stores stores) {
        this.directory = directory;
        this.stores = stores;
    }

    /** Makes up the CA, the broker's keystore and the clients' truststore in a new owner-only temporary directory. */
    static BrokerSecurity create() {
        Path directory;
        try {
            directory = Files.createTempDirectory("meshwork-kafka-tls-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a directory for the secured cluster's keys", e);
        }
        try {
            return new BrokerSecurity(directory, LocalCertificateAuthority.issue(directory));
        } catch (RuntimeException e) {
            deleteRecursively(directory);
            throw e;
        }
    }

    /** Broker settings on top of {@link EmbeddedBrokerConfig#clusterWide(int)}. */
    Map<String, String> brokerSettings() {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("listener.security.protocol.map", EmbeddedBrokerConfig.CLIENT_LISTENER + ":SASL_SSL,"
            + INTERNAL_LISTENER + ":SASL_PLAINTEXT," + EmbeddedBrokerConfig.CONTROLLER_LISTENER + ":SASL_PLAINTEXT,"
            + "EXTERNAL:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("inter.broker.listener.name", INTERNAL_LISTENER);
        props.put("sasl.mechanism.inter.broker.protocol", "PLAIN");
        props.put("sasl.mechanism.controller.protocol", "PLAIN");
        // The node's own identity on the internal listeners: user admin, password made up at start.
        String plain = PLAIN_LOGIN + " required username=\"" + ADMIN + "\" password=\"" + internalPassword
            + "\" user_" + ADMIN + "=\"" + internalPassword + "\";";
        for (String listener : List.of(INTERNAL_LISTENER, EmbeddedBrokerConfig.CONTROLLER_LISTENER)) {
            String prefix = "listener.name." + listener.toLowerCase(Locale.ROOT) + ".";
            props.put(prefix + "sasl.enabled.mechanisms", "PLAIN");
            props.put(prefix + "plain.sasl.jaas.config", plain);
        }
        String client = "listener.name." + EmbeddedBrokerConfig.CLIENT_LISTENER.toLowerCase(Locale.ROOT) + ".";
        props.put(client + "sasl.enabled.mechanisms", MECHANISM);
        props.put(client + MECHANISM.toLowerCase(Locale.ROOT) + ".sasl.jaas.config", SCRAM_LOGIN + " required;");
        props.put(client + "ssl.keystore.type", LocalCertificateAuthority.STORE_TYPE);
        props.put(client + "ssl.keystore.location", stores.keystore().toString());
        props.put(client + "ssl.keystore.password", stores.keystorePassword());
        props.put(client + "ssl.key.password", stores.keystorePassword());
        props.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        props.put("allow.everyone.if.no.acl.found", "false");
        props.put("super.users", "User:" + ADMIN);
        return props;
    }

    /**
     * Client settings of {@code user} with {@code password}: {@code security.protocol}, {@code sasl.mechanism},
     * {@code sasl.jaas.config} and the truststore, without {@code bootstrap.servers}.
     */
    Map<String, Object> clientSettings(String user, String password) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, SECURITY_PROTOCOL);
        settings.put(SaslConfigs.SASL_MECHANISM, MECHANISM);
        settings.put(SaslConfigs.SASL_JAAS_CONFIG, jaas(SCRAM_LOGIN, user, password));
        settings.put(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, stores.truststore().toString());
        settings.put(SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG, stores.truststorePassword());
        settings.put(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, LocalCertificateAuthority.STORE_TYPE);
        return settings;
    }

    /** Client settings of a user added before. */
    Map<String, Object> clientSettings(String user) {
        String password = passwords.get(user);
        if (password == null) {
            throw new IllegalArgumentException("No SCRAM user '" + user + "' on this cluster: add it first (addUser)");
        }
        return clientSettings(user, password);
    }

    /**
     * Creates the admin's SCRAM credentials through the internal listener at {@code internalBootstrap}, as the
     * node's own identity, and waits until the admin can log in at {@code bootstrap}.
     */
    void createAdmin(String internalBootstrap, String bootstrap) {
        Map<String, Object> internal = new LinkedHashMap<>();
        internal.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, internalBootstrap);
        internal.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
        internal.put(SaslConfigs.SASL_MECHANISM, "PLAIN");
        internal.put(SaslConfigs.SASL_JAAS_CONFIG, jaas(PLAIN_LOGIN, ADMIN, internalPassword));
        try (Admin admin = Admin.create(internal)) {
            addUser(admin, bootstrap, ADMIN, Secrets.password());
        }
    }

    /** Creates or replaces SCRAM-SHA-512 credentials of {@code user}, then waits until it can log in. */
    void addUser(Admin admin, String bootstrap, String user, String password) {
        try {
            admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(user,
                new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, SCRAM_ITERATIONS), password))).all().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating SCRAM user '" + user + "'", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot create SCRAM user '" + user + "': " + e, e);
        }
        passwords.put(user, password);
        awaitLogin(bootstrap, user);
    }

    /** Credentials reach the brokers through the metadata log: a moment after the controller accepted them. */
    private void awaitLogin(String bootstrap, String user) {
        Map<String, Object> settings = new LinkedHashMap<>(clientSettings(user));
        settings.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        long deadline = System.nanoTime() + AUTHENTICATES_WITHIN.toNanos();
        while (true) {
            try (Admin admin = Admin.create(settings)) {
                admin.describeCluster().clusterId().get(10, TimeUnit.SECONDS);
                return;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof AuthenticationException) || System.nanoTime() > deadline) {
                    throw new IllegalStateException("SCRAM user '" + user + "' cannot log in at " + bootstrap + ": " + e.getCause(), e);
                }
            } catch (TimeoutException e) {
                throw new IllegalStateException("SCRAM user '" + user + "' cannot log in at " + bootstrap + " within 10 s", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for SCRAM user '" + user + "'", e);
            }
            pause();
        }
    }

    private static String jaas(String loginModule, String user, String password) {
        return loginModule + " required username=\"" + user + "\" password=\"" + password + "\";";
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Deletes the keys. */
    @Override
    public void close() {
        deleteRecursively(directory);
    }

    private static void deleteRecursively(Path dir) {
        try {
            Utils.delete(dir.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the secured cluster's keys in " + dir, e);
        }
    }
}
