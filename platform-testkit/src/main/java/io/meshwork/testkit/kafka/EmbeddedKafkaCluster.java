package io.meshwork.testkit.kafka;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.BindException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A real Apache Kafka cluster (KRaft, no ZooKeeper) running inside this JVM, built on Kafka's own
 * {@code KafkaClusterTestKit}. Used by integration tests and by {@code mesh up}.
 *
 * <p>Brokers listen on {@code 127.0.0.1} only. Topics are never auto-created. Internal topics
 * (consumer offsets, transaction state) are replicated {@code min(brokers, 3)} times, so Kafka
 * Streams applications with {@code exactly_once_v2} run on a single broker.
 *
 * <pre>{@code
 * try (EmbeddedKafkaCluster kafka = EmbeddedKafkaCluster.start()) {
 *     kafka.createTopic("orders", 3);
 *     ... kafka.bootstrapServers() ...
 * }
 * }</pre>
 *
 * <p>By default storage lives in a temporary directory deleted on {@link #close()}. With
 * {@link Builder#keepDataIn(Path)} it lives in the given directory and survives: starting again
 * on the same directory reuses the formatted storage, with its topics, records and committed
 * offsets.
 *
 * <p>Retention is Kafka's own: 30 s after start, then every 5 minutes, the brokers delete records whose timestamp
 * is older than their topic's retention (7 days unless the topic says otherwise). A test that writes records stamped
 * with a fixed historical time (the article's 2025 events) and reads them back after that check finds them gone;
 * stamp them with a recent time instead.
 *
 * <p>With {@link Builder#secured()} the cluster runs as the article configures Kafka: clients connect with
 * {@code SASL_SSL} and {@code SCRAM-SHA-512} over TLS from a CA made up at start, and the KRaft
 * {@code StandardAuthorizer} denies whatever no ACL allows ({@code allow.everyone.if.no.acl.found=false}), except to
 * the super user {@link #adminUser()}. {@link #addUser(String)} creates SCRAM users through the Admin API;
 * {@link #clientSettings(String)} is what a client of one of them needs.
 */
public final class EmbeddedKafkaCluster implements KafkaCluster {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaCluster.class);
    /** The test kit numbers combined nodes from 0 ({@code TestKitDefaults.BROKER_ID_OFFSET}). */
    private static final int FIRST_NODE_ID = 0;

    private final KafkaClusterTestKit testKit;
    private final DataDirectory dataDirectory;
    private final int brokers;
    private final String bootstrapServers;
    private final Optional<BrokerSecurity> security;
    private final SharedAdmin admin;
    private boolean closed;

    private EmbeddedKafkaCluster(KafkaClusterTestKit testKit, DataDirectory dataDirectory, int brokers, String bootstrapServers,
                                 Optional<BrokerSecurity> security) {
        this.testKit = testKit;
        this.dataDirectory = dataDirectory;
        this.brokers = brokers;
        this.bootstrapServers = bootstrapServers;
        this.security = security;
        this.admin = new SharedAdmin(clientSettings(BrokerSecurity.ADMIN));
    }

    /** Starts a single-broker cluster in a fresh temporary directory. */
    public static EmbeddedKafkaCluster start() {
        return builder().start();
    }

    /** Options for a cluster to start: broker count, data directory, client port. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public int brokerCount() {
        return brokers;
    }

    /** The cluster id, stable across restarts on a kept data directory. */
    public String clusterId() {
        return dataDirectory.clusterId();
    }

    /** The directory holding the cluster's storage (a temporary one unless data is kept). */
    public Path dataDirectory() {
        return dataDirectory.path();
    }

    /** Whether the storage survives {@link #close()}. */
    public boolean keepsData() {
        return dataDirectory.kept();
    }

    /** An admin client of the super user; on a secured cluster it logs in as {@link #adminUser()}. */
    @Override
    public Admin admin() {
        return admin.get();
    }

    /** Whether clients must log in ({@link Builder#secured()}). */
    public boolean secured() {
        return security.isPresent();
    }

    /** The super user of a secured cluster, whose credentials {@link #admin()} and {@link #newClient()} use. */
    public String adminUser() {
        return BrokerSecurity.ADMIN;
    }

    /**
     * Everything a client needs to connect as {@code user}: {@code bootstrap.servers} and, on a secured cluster,
     * {@code security.protocol} ({@code SASL_SSL}), {@code sasl.mechanism} ({@code SCRAM-SHA-512}),
     * {@code sasl.jaas.config} and {@code ssl.truststore.location}/{@code password}/{@code type}. A PLAINTEXT
     * cluster needs no credentials: its settings are the bootstrap servers alone, whatever the user.
     *
     * @throws IllegalArgumentException if the cluster is secured and has no such user ({@link #addUser(String)})
     */
    public Map<String, Object> clientSettings(String user) {
        Map<String, Object> settings = bootstrapSettings();
        security.ifPresent(s -> settings.putAll(s.clientSettings(user)));
        return settings;
    }

    /**
     * As {@link #clientSettings(String)}, with {@code password} whatever the user's real one is: a client that
     * presents wrong credentials, for tests of what it does then.
     */
    public Map<String, Object> clientSettings(String user, String password) {
        Map<String, Object> settings = bootstrapSettings();
        security.ifPresent(s -> settings.putAll(s.clientSettings(user, password)));
        return settings;
    }

    private Map<String, Object> bootstrapSettings() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return settings;
    }

    /**
     * Creates the SCRAM-SHA-512 user {@code user} with a new random password, through the Admin API
     * ({@code alterUserScramCredentials}), and returns once it can log in. Adding an existing user gives it a new
     * password. The user may do nothing until ACLs allow it.
     *
     * @return the password
     * @throws IllegalStateException if the cluster is not secured
     */
    public String addUser(String user) {
        String password = Secrets.password();
        addUser(user, password);
        return password;
    }

    /** As {@link #addUser(String)}, with the given password. */
    public void addUser(String user, String password) {
        security.orElseThrow(() -> new IllegalStateException("The cluster at " + bootstrapServers + " is not secured: "
                + "start it with EmbeddedKafkaCluster.builder().secured()"))
            .addUser(admin(), bootstrapServers, user, password);
    }

    /** A produce/consume helper of the super user; the caller closes it. */
    @Override
    public KafkaTestClient newClient() {
        return newClient(BrokerSecurity.ADMIN);
    }

    /** A produce/consume helper logged in as {@code user}; the caller closes it. */
    public KafkaTestClient newClient(String user) {
        return new KafkaTestClient(clientSettings(user));
    }

    /**
     * Stops one broker at once, as a lost machine would, leaving the others running: for tests of broker loss. The
     * first broker (id 0) also runs the KRaft controller and cannot be stopped alone.
     *
     * @param id a broker id from 1 to {@code brokerCount() - 1}
     */
    public synchronized void stopBroker(int id) {
        if (id <= FIRST_NODE_ID || id >= FIRST_NODE_ID + brokers) {
            throw new IllegalArgumentException("broker " + id + " cannot be stopped alone: brokers are 0-"
                + (FIRST_NODE_ID + brokers - 1) + " and broker 0 runs the controller");
        }
        var broker = testKit.brokers().get(id);
        broker.shutdown();
        broker.awaitShutdown();
        LOG.info("Embedded Kafka broker {} of {} stopped", id, bootstrapServers);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        long started = System.nanoTime();
        admin.close();
        try {
            testKit.close();
        } catch (Exception e) {
            throw new IllegalStateException("Kafka cluster at " + bootstrapServers + " did not shut down cleanly", e);
        } finally {
            dataDirectory.deleteIfFresh();
            security.ifPresent(BrokerSecurity::close);
        }
        LOG.info("Embedded Kafka cluster at {} stopped in {} ms", bootstrapServers, (System.nanoTime() - started) / 1_000_000);
    }

    @Override
    public String toString() {
        return "EmbeddedKafkaCluster[" + bootstrapServers + ", brokers=" + brokers + ", data=" + dataDirectory.path()
            + (secured() ? ", SASL_SSL" : "") + "]";
    }

    /** Options of an {@link EmbeddedKafkaCluster}; {@link #start()} starts it. */
    public static final class Builder {

        private int brokers = 1;
        private Path keptDataDirectory;
        private int port;
        private boolean secured;

        private Builder() {
        }

        /**
         * Runs the cluster secured, as the article configures Kafka: clients connect with {@code SASL_SSL} and
         * {@code SCRAM-SHA-512} over TLS from a CA made up at start (its keys live in a temporary directory deleted
         * on close), and the KRaft {@code StandardAuthorizer} allows only what ACLs allow, except to the super user
         * {@code admin}. See {@link EmbeddedKafkaCluster#clientSettings(String)} and
         * {@link EmbeddedKafkaCluster#addUser(String)}.
         */
        public Builder secured() {
            this.secured = true;
            return this;
        }

        /**
         * Number of brokers, 1 by default. The first broker is also the (single) KRaft controller.
         */
        public Builder brokers(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("A cluster needs at least one broker, got " + count);
            }
            this.brokers = count;
            return this;
        }

        /**
         * Keeps storage in {@code directory} (created if missing) instead of a temporary
         * directory. Data survives {@link EmbeddedKafkaCluster#close()}, and a later start on the
         * same directory, with the same broker count, continues the same cluster. The directory
         * must be new, empty, or one a cluster was started in before.
         */
        public Builder keepDataIn(Path directory) {
            this.keptDataDirectory = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /**
         * Client port of the first broker; broker {@code i} listens on {@code port + i}. By
         * default (0) each broker takes a free port. A fixed port suits {@code mesh up}, whose
         * users keep the same bootstrap servers across restarts.
         */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("Not a TCP port: " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * Formats storage if needed, starts every node and returns once all brokers are
         * registered and unfenced.
         *
         * @throws IllegalStateException if the cluster cannot start, e.g. because the fixed
         *                               {@link #port(int)} is taken; nothing is left running
         */
        public EmbeddedKafkaCluster start() {
            // A free port can be taken by another process between allocation and bind: retry.
            int attempts = port == 0 ? 3 : 1;
            for (int attempt = 1; ; attempt++) {
                try {
                    return startOnce();
                } catch (IllegalStateException e) {
                    if (!causedByBindFailure(e)) {
                        throw e;
                    }
                    if (port != 0) {
                        String ports = brokers == 1 ? Integer.toString(port) : port + "-" + (port + brokers - 1);
                        throw new IllegalStateException("Cannot start embedded Kafka cluster: port " + ports + " on "
                            + EmbeddedBrokerConfig.LOOPBACK_HOST + " is in use", e);
                    }
                    if (attempt >= attempts) {
                        throw e;
                    }
                    LOG.warn("A port of the embedded Kafka cluster was taken before it could bind ({}); retrying", e.getMessage());
                }
            }
        }

        private EmbeddedKafkaCluster startOnce() {
            long started = System.nanoTime();
            DataDirectory data = keptDataDirectory == null ? DataDirectory.fresh() : DataDirectory.kept(keptDataDirectory, brokers);
            KafkaClusterTestKit testKit = null;
            BrokerSecurity security = null;
            try {
                security = secured ? BrokerSecurity.create() : null;
                // One KRaft controller, combined with the first broker: a single-voter quorum
                // starts and stops fast (three voters wait ~5 s on shutdown for a leaving quorum).
                int controllers = 1;
                Map<Integer, Integer> brokerPorts = new LinkedHashMap<>();
                Map<Integer, Integer> controllerPorts = new LinkedHashMap<>();
                // A secured broker also listens for the other nodes on a port of its own.
                Map<Integer, Integer> internalPorts = new LinkedHashMap<>();
                int internal = security == null ? 0 : brokers;
                List<Integer> free = LoopbackPorts.allocate(brokers + controllers + internal);
                for (int i = 0; i < brokers; i++) {
                    brokerPorts.put(FIRST_NODE_ID + i, port == 0 ? free.get(i) : port + i);
                }
                for (int i = 0; i < controllers; i++) {
                    controllerPorts.put(FIRST_NODE_ID + i, free.get(brokers + i));
                }
                for (int i = 0; i < internal; i++) {
                    internalPorts.put(FIRST_NODE_ID + i, free.get(brokers + controllers + i));
                }
                String bootstrap = brokerPorts.values().stream()
                    .map(p -> EmbeddedBrokerConfig.LOOPBACK_HOST + ":" + p)
                    .collect(Collectors.joining(","));

                // Careful: if build() fails, the test kit deletes the whole data directory, kept
                // or not. Only fixed, tested settings reach it, so it fails only on a Kafka bug.
                testKit = build(data, brokerPorts, internalPorts, controllerPorts, security);
                if (!data.formatted()) {
                    testKit.format();
                    data.markFormatted(brokers);
                }
                testKit.startup();
                testKit.waitForReadyBrokers();
                if (security != null) {
                    security.createAdmin(EmbeddedBrokerConfig.LOOPBACK_HOST + ":" + internalPorts.get(FIRST_NODE_ID), bootstrap);
                }
                EmbeddedKafkaCluster cluster = new EmbeddedKafkaCluster(testKit, data, brokers, bootstrap, Optional.ofNullable(security));
                LOG.info("Embedded Kafka cluster started in {} ms: bootstrap.servers={} ({} broker(s), cluster id {}, data in {}{}{})",
                    (System.nanoTime() - started) / 1_000_000, bootstrap, brokers, data.clusterId(), data.path(),
                    data.kept() ? ", kept" : "", security != null ? ", SASL_SSL/SCRAM-SHA-512 with ACLs" : "");
                return cluster;
            } catch (Exception e) {
                closeQuietly(testKit);
                data.deleteIfFresh();
                if (security != null) {
                    security.close();
                }
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                throw new IllegalStateException("Cannot start embedded Kafka cluster with " + brokers + " broker(s) in "
                    + data.path() + ": " + messages(e), e);
            }
        }

        /** The distinct messages of a cause chain: the useful one is often deep inside. */
        private static String messages(Throwable e) {
            Set<String> messages = new LinkedHashSet<>();
            for (Throwable cause = e; cause != null && messages.size() < 5; cause = cause.getCause()) {
                messages.add(cause.getMessage() == null ? cause.getClass().getName() : cause.getMessage());
            }
            return String.join("; caused by: ", messages);
        }

        private static boolean causedByBindFailure(Throwable e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof BindException) {
                    return true;
                }
            }
            return false;
        }

        private KafkaClusterTestKit build(DataDirectory data, Map<Integer, Integer> brokerPorts, Map<Integer, Integer> internalPorts,
                                          Map<Integer, Integer> controllerPorts, BrokerSecurity security) throws Exception {
            TestKitNodes nodes = ProductionMetadataVersion.apply(new TestKitNodes.Builder())
                .setCombined(true)
                .setNumBrokerNodes(brokers)
                .setNumControllerNodes(controllerPorts.size())
                .setBaseDirectory(data.path())
                .setClusterId(data.clusterId())
                .setPerServerProperties(EmbeddedBrokerConfig.perNode(brokerPorts, internalPorts, controllerPorts))
                .build();
            KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes).setDeleteOnClose(!data.kept());
            EmbeddedBrokerConfig.clusterWide(brokers).forEach(builder::setConfigProp);
            if (security != null) {
                security.brokerSettings().forEach(builder::setConfigProp);
            }
            return builder.build();
        }

        private static void closeQuietly(KafkaClusterTestKit testKit) {
            if (testKit == null) {
                return;
            }
            try {
                testKit.close();
            } catch (Exception e) {
                LOG.warn("Error while stopping a Kafka cluster that failed to start", e);
            }
        }
    }
}
