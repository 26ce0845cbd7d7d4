package io.meshwork.cli.up;

import io.meshwork.core.DataProduct;
import io.meshwork.core.contract.Contract;
import io.meshwork.core.contract.ContractException;
import io.meshwork.core.contract.ContractLoader;
import io.meshwork.core.contract.ContractLocator;
import io.meshwork.core.contract.ContractProblem;
import io.meshwork.core.runtime.ProductConfig;
import io.meshwork.core.runtime.ProductRuntime;
import io.meshwork.core.runtime.TopicProvisioner;
import io.meshwork.core.traffic.SyntheticTraffic;
import io.meshwork.testkit.kafka.EmbeddedKafkaCluster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole local mesh in one JVM: a real Kafka broker (or an existing cluster), every topic the contracts
 * declare, every data product on the classpath with its query port, and synthetic traffic. Closing it stops
 * traffic first, then the products (committing their work), then the broker.
 */
final class LocalMesh implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalMesh.class);
    private static final String LOOPBACK = "127.0.0.1";

    private final Optional<EmbeddedKafkaCluster> broker;
    private final String bootstrapServers;
    private final List<ProductRuntime> products = new ArrayList<>();
    private TrafficGenerator traffic;

    private LocalMesh(Optional<EmbeddedKafkaCluster> broker, String bootstrapServers) {
        this.broker = broker;
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * Starts everything.
     *
     * @throws ContractException if a contract is malformed (nothing is left running)
     */
    static LocalMesh start(UpOptions options) {
        List<DataProduct> available = discoverProducts(options.products());
        ContractLocator locator = ContractLocator.fromEnvironment();
        List<Contract> contracts = loadContracts(locator);
        List<Contract> productContracts = available.stream().map(p -> locator.load(p.name())).toList();

        Optional<EmbeddedKafkaCluster> broker = options.bootstrapServers().isPresent() ? Optional.empty()
                : Optional.of(startBroker(options));
        String bootstrap = options.bootstrapServers().orElseGet(() -> broker.orElseThrow().bootstrapServers());
        LocalMesh mesh = new LocalMesh(broker, bootstrap);
        try {
            mesh.createTopics(contracts);
            int port = options.basePort();
            for (int i = 0; i < available.size(); i++) {
                port = freePort(port + 1);
                ProductConfig config = ProductConfig.of(bootstrap)
                        .withHttpHost(LOOPBACK)
                        .withHttpPort(port)
                        .withStateDir(options.dataDir().resolve("state").resolve(available.get(i).name()))
                        .withKafka("processing.guarantee", options.processingGuarantee())
                        // After a crash, a restarted mesh waits this long for its old group members to expire.
                        .withKafka("session.timeout.ms", 10_000);
                mesh.products.add(ProductRuntime.start(available.get(i), productContracts.get(i), config));
            }
            mesh.traffic = new TrafficGenerator(bootstrap, ServiceLoader.load(SyntheticTraffic.class).stream()
                    .map(ServiceLoader.Provider::get).toList(), options.rate(), options.invalidShare());
            mesh.traffic.start();
            return mesh;
        } catch (RuntimeException e) {
            mesh.close();
            throw e;
        }
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    List<ProductRuntime> products() {
        return List.copyOf(products);
    }

    long produced() {
        return traffic == null ? 0 : traffic.produced();
    }

    MeshManifest manifest() {
        return new MeshManifest(bootstrapServers, Instant.now(), products.stream()
                .map(p -> new MeshManifest.Product(p.contract().name(), p.contract().domain(), url(p),
                        p.contract().outputTopic(), p.contract().ports().deadLetter()))
                .toList());
    }

    static String url(ProductRuntime product) {
        return "http://localhost:" + product.httpPort();
    }

    private void createTopics(List<Contract> contracts) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            new TopicProvisioner(admin).ensure(MeshTopics.of(contracts));
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

    /** Every contract in the contracts folder; all must be well-formed, since their topics are created. */
    private static List<Contract> loadContracts(ContractLocator locator) {
        List<Contract> contracts = new ArrayList<>();
        List<ContractProblem> problems = new ArrayList<>();
        for (Path file : locator.all()) {
            try {
                contracts.add(ContractLoader.load(file));
            } catch (ContractException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new ContractException(problems);
        }
        return contracts;
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
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName(LOOPBACK))) {
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    private static int freePort(int preferred) {
        for (int port = preferred; port < preferred + 100; port++) {
            if (isFree(port)) {
                return port;
            }
            LOG.debug("Port {} is taken", port);
        }
        throw new UncheckedIOException(new IOException("no free port from " + preferred));
    }

    @Override
    public void close() {
        if (traffic != null) {
            traffic.close();
        }
        for (int i = products.size() - 1; i >= 0; i--) {
            try {
                products.get(i).close();
            } catch (RuntimeException e) {
                LOG.warn("Could not stop {} cleanly", products.get(i).contract().name(), e);
            }
        }
        broker.ifPresent(EmbeddedKafkaCluster::close);
    }
}
