package io.meshwork.cli.up;

import io.meshwork.core.DataProduct;
import io.meshwork.core.contract.Contract;
import io.meshwork.core.contract.ContractException;
import io.meshwork.core.contract.ContractLocator;
import io.meshwork.core.lineage.LineageConfig;
import io.meshwork.core.runtime.ProductConfig;
import io.meshwork.core.runtime.ProductRuntime;
import io.meshwork.core.runtime.TopicProvisioner;
import io.meshwork.cli.portal.Portal;
import io.meshwork.core.security.AccessSettings;
import io.meshwork.core.security.DevelopmentToken;
import io.meshwork.core.security.DevelopmentTokens;
import io.meshwork.core.traffic.SyntheticTraffic;
import io.meshwork.governance.catalog.Catalog;
import io.meshwork.testkit.kafka.EmbeddedKafkaCluster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole local mesh: a real Kafka broker (or an existing cluster), every topic the contracts declare, every data
 * product on the classpath with its query port (in this JVM, or with {@code --processes} each instance an OS process
 * of its own from the product's runnable jar), and synthetic traffic. Closing it stops
 * traffic first, then the products (committing their work), then the broker.
 */
final class LocalMesh implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalMesh.class);
    /** How long a product process may take to become ready: five JVMs start at once on two cores. */
    private static final Duration READY_PATIENCE = Duration.ofMinutes(3);
    private static final Duration TOKEN_TTL = Duration.ofDays(1);
    private static final Duration PORTAL_REFRESH = Duration.ofSeconds(2);

    private final Optional<EmbeddedKafkaCluster> broker;
    private final String bootstrapServers;
    /** Credentials and TLS settings of a cluster given with --bootstrap-servers; none for the embedded broker. */
    private final Map<String, Object> connection;
    private final DevelopmentToken token;
    private final List<ProductInstance> products = new ArrayList<>();
    private ProductProcesses processes;
    private TrafficGenerator traffic;
    private Portal portal;

    private LocalMesh(Optional<EmbeddedKafkaCluster> broker, String bootstrapServers, Map<String, Object> connection,
                      DevelopmentToken token) {
        this.broker = broker;
        this.bootstrapServers = bootstrapServers;
        this.connection = connection;
        this.token = token;
    }

    /**
     * Starts everything.
     *
     * @throws ContractException if a contract is malformed (nothing is left running)
     * @throws IllegalStateException if a product cannot start (nothing is left running)
     */
    static LocalMesh start(UpOptions options) {
        List<DataProduct> available = discoverProducts(options.products());
        ContractLocator locator = ContractLocator.fromEnvironment();
        // Every contract must be well-formed: the topics of all of them are created.
        List<Contract> contracts = Catalog.load(locator.contractsDir()).products();
        options.processes().ifPresent(processes -> unknownProducts(processes.instances().keySet(), available));

        Optional<EmbeddedKafkaCluster> broker = options.bootstrapServers().isPresent() ? Optional.empty()
                : Optional.of(startBroker(options));
        String bootstrap = options.bootstrapServers().orElseGet(() -> broker.orElseThrow().bootstrapServers());
        // One development token that holds every permission any contract requires, signed with a fresh secret.
        DevelopmentToken token = DevelopmentTokens.issue(contracts.stream()
                .flatMap(c -> c.access().requiredPermissions().stream()).distinct().sorted().toList(), TOKEN_TTL);
        Map<String, Object> connection = connection(options, System.getenv());
        LocalMesh mesh = new LocalMesh(broker, bootstrap, connection, token);
        try {
            mesh.createTopics(contracts);
            MeshSettings settings = new MeshSettings(options.dataDir(), bootstrap, connection,
                    options.processingGuarantee(), token);
            if (options.processes().isPresent()) {
                mesh.startProcesses(available, locator, settings, options);
            } else {
                mesh.startInProcess(available, locator, settings, options.basePort());
            }
            mesh.traffic = new TrafficGenerator(bootstrap, connection, ServiceLoader.load(SyntheticTraffic.class).stream()
                    .map(ServiceLoader.Provider::get).toList(), options.rate(), options.invalidShare());
            mesh.traffic.start();
            // The portal on the base port, below the products' ports; it accepts the development token.
            mesh.portal = Portal.start(bootstrap, MeshSettings.LOOPBACK, portFor("the portal", options.basePort()),
                    AccessSettings.none().withJwtSecret(token.secret()), PORTAL_REFRESH);
            return mesh;
        } catch (RuntimeException e) {
            mesh.close();
            throw e;
        }
    }

    private void startInProcess(List<DataProduct> available, ContractLocator locator, MeshSettings settings, int basePort) {
        Map<String, Integer> ports = ProductPorts.assign(settings.dataDir().resolve("ports.json"), basePort,
                available.stream().map(DataProduct::name).toList());
        for (DataProduct product : available) {
            ProductConfig config = ProductConfig.of(bootstrapServers)
                    .withHttpHost(MeshSettings.LOOPBACK)
                    .withHttpPort(portFor(product.name(), ports.get(product.name())))
                    .withStateDir(settings.stateDir(product.name()))
                    .withLineage(LineageConfig.kafka(LineageConfig.DEFAULT_TOPIC))
                    .withJwtSecret(token.secret());
            for (Map.Entry<String, Object> setting : settings.kafkaSettings().entrySet()) {
                config = config.withKafka(setting.getKey(), setting.getValue());
            }
            products.add(new InProcessInstance(ProductRuntime.start(product, locator.load(product.name()), config)));
        }
    }

    /** {@code --processes}: every instance from its product's runnable jar, then waits until each is ready. */
    private void startProcesses(List<DataProduct> available, ContractLocator locator, MeshSettings settings,
                                UpOptions options) {
        UpOptions.Processes asked = options.processes().orElseThrow();
        Map<String, Contract> contracts = new LinkedHashMap<>();
        for (DataProduct product : available) {
            for (int number = 1; number <= asked.instancesOf(product.name()); number++) {
                contracts.put(ProductInstance.label(product.name(), number), locator.load(product.name()));
            }
        }
        Map<String, Integer> ports = ProductPorts.assign(settings.dataDir().resolve("ports.json"), options.basePort(),
                contracts.keySet());
        processes = new ProductProcesses(new ProductJars(asked.jars()), settings, locator.contractsDir(), System.getenv());
        List<ProcessInstance> started = new ArrayList<>();
        contracts.forEach((label, contract) -> {
            ProcessInstance instance = processes.start(label, contract, portFor(label, ports.get(label)));
            products.add(instance);
            started.add(instance);
        });
        started.forEach(instance -> instance.awaitReady(READY_PATIENCE));
    }

    private static void unknownProducts(Collection<String> named, List<DataProduct> available) {
        List<String> names = available.stream().map(DataProduct::name).toList();
        List<String> unknown = named.stream().filter(name -> !names.contains(name)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("--instances names " + unknown + ", which the mesh does not run; it runs "
                    + names);
        }
    }

    /**
     * The security settings among the {@code KAFKA_*} variables of {@code env} ({@code KAFKA_SECURITY_PROTOCOL},
     * {@code KAFKA_SASL_*}, {@code KAFKA_SSL_*}): every client of a mesh run against an existing cluster uses them, the
     * products, the topic creation and the traffic. The embedded broker needs none.
     */
    static Map<String, Object> connection(UpOptions options, Map<String, String> env) {
        if (options.bootstrapServers().isEmpty()) {
            return Map.of();
        }
        Map<String, Object> connection = new HashMap<>();
        ProductConfig.kafkaSettings(env).forEach((name, value) -> {
            if (name.startsWith("security.") || name.startsWith("sasl.") || name.startsWith("ssl.")) {
                connection.put(name, value);
            }
        });
        return Map.copyOf(connection);
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    List<ProductInstance> products() {
        return List.copyOf(products);
    }

    /** The development token every product's query port accepts. */
    DevelopmentToken token() {
        return token;
    }

    /** Where the portal answers. */
    String portalUrl() {
        return portal.url();
    }

    long produced() {
        return traffic == null ? 0 : traffic.produced();
    }

    MeshManifest manifest() {
        return new MeshManifest(bootstrapServers, portalUrl(), Instant.now(), token.token(), token.expiresAt(), products.stream()
                .map(p -> new MeshManifest.Product(p.contract().name(), p.contract().domain(), p.url(),
                        p.contract().outputTopic(), p.contract().ports().deadLetter(), p.stores()))
                .toList());
    }

    private void createTopics(List<Contract> contracts) {
        Map<String, Object> settings = new HashMap<>(connection);
        settings.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(settings)) {
            new TopicProvisioner(admin).ensure(TopicProvisioner.topicsOf(contracts));
        }
    }

    private static List<DataProduct> discoverProducts(List<String> only) {
        List<DataProduct> found = ServiceLoader.load(DataProduct.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> only.isEmpty() || only.contains(p.name()))
                .sorted(Comparator.comparing(DataProduct::name))
                .toList();
        if (found.isEmpty()) {
            throw new IllegalStateException(only.isEmpty()
                    ? "no data products on the classpath: build them first (./mesh builds them on first use)"
                    : "none of the products " + only + " is on the classpath");
        }
        return found;
    }

    /** The embedded broker, on {@code --kafka-port} when free so tools can use a stable address. */
    private static EmbeddedKafkaCluster startBroker(UpOptions options) {
        EmbeddedKafkaCluster.Builder builder = EmbeddedKafkaCluster.builder().keepDataIn(options.dataDir().resolve("kafka"));
        if (options.kafkaPort() > 0 && isFree(options.kafkaPort())) {
            builder.port(options.kafkaPort());
        }
        return StandardOutput.silenced(builder::start);
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName(MeshSettings.LOOPBACK))) {
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    /** The product's own port, or for this run only, when something else holds it, any free one. */
    private static int portFor(String product, int port) {
        if (isFree(port)) {
            return port;
        }
        try (ServerSocket any = new ServerSocket(0, 1, InetAddress.getByName(MeshSettings.LOOPBACK))) {
            LOG.warn("Port {} of {} is taken; serving it on {} for this run", port, product, any.getLocalPort());
            return any.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port for " + product, e);
        }
    }

    @Override
    public void close() {
        if (portal != null) {
            portal.close();
        }
        if (traffic != null) {
            traffic.close();
        }
        // All products at once: each may take up to its close timeout, and the shutdown hook's patience is bounded;
        // a product cut off half-way leaves state that its next start must rebuild.
        List<Thread> closing = products.stream().map(product -> new Thread(() -> {
            try {
                product.close();
            } catch (RuntimeException e) {
                LOG.warn("Could not stop {} cleanly", product.label(), e);
            }
        }, "close-" + product.label())).toList();
        closing.forEach(Thread::start);
        for (Thread thread : closing) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (processes != null) {
            processes.stopped();
        }
        broker.ifPresent(EmbeddedKafkaCluster::close);
    }
}
