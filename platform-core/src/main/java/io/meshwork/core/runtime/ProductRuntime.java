package io.meshwork.core.runtime;

import io.meshwork.core.DataProduct;
import io.meshwork.core.contract.Contract;
import io.meshwork.core.http.ProductHealth;
import io.meshwork.core.http.QueryPort;
import io.meshwork.core.lineage.LineageEmitter;
import io.meshwork.core.lineage.LineageGraph;
import io.meshwork.core.manifest.ManifestRoutes;
import io.meshwork.core.manifest.ProductManifest;
import io.meshwork.core.manifest.TopologyView;
import io.meshwork.core.metrics.Availability;
import io.meshwork.core.metrics.ContractMeters;
import io.meshwork.core.metrics.FlowMetrics;
import io.meshwork.core.metrics.InputLag;
import io.meshwork.core.metrics.JvmMeters;
import io.meshwork.core.metrics.OutputWatermark;
import io.meshwork.core.metrics.SlaMonitor;
import io.meshwork.core.query.AdvertisedAddress;
import io.meshwork.core.query.QueryableStores;
import io.meshwork.core.query.StoreQueryPort;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running data product: its Kafka Streams application, wired with the contract's output port, dead-letter
 * handlers and metrics, and its query port. {@link #start} returns once both are started; {@link #close} stops
 * them gracefully (Kafka Streams first, so in-flight records are committed).
 */
public final class ProductRuntime implements AutoCloseable, ProductHealth {

    private static final Logger LOG = LoggerFactory.getLogger(ProductRuntime.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration METRICS_REFRESH = Duration.ofSeconds(10);

    private final Contract contract;
    private final PrometheusMeterRegistry registry;
    private final FlowMetrics flow;
    private final Resources resources = new Resources();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private List<QueryableStores.ExposedStore> stores = List.of();
    private TopicProvisioner topics;
    private QueryPort queryPort;
    private KafkaStreams streams;

    private ProductRuntime(DataProduct product, Contract contract, ProductConfig config) {
        this.contract = contract;
        this.registry = resources.add(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), PrometheusMeterRegistry::close);
        registry.config().commonTags(List.of(Tag.of("product", contract.name()), Tag.of("domain", contract.domain()),
                Tag.of("version", contract.version())));
        this.flow = new FlowMetrics(registry, contract.sla());
        try {
            start(product, config);
        } catch (RuntimeException e) {
            // Whatever opened before the failure (query port, admin client, threads) must not outlive it.
            resources.closeAll(LOG);
            throw e;
        }
    }

    private void start(DataProduct product, ProductConfig config) {
        ProductTopology assembled = ProductTopology.assemble(product, contract, config, flow);
        Topology topology = assembled.topology();
        this.stores = assembled.stores().exposed();
        LOG.info("Topology of {}:\n{}", contract.identity().qualifiedName(), topology.describe());

        Admin admin = resources.add(Admin.create(adminProperties(config)), a -> a.close(Duration.ofSeconds(5)));
        this.topics = new TopicProvisioner(admin);
        if (config.createTopics()) {
            List<NewTopic> owned = new ArrayList<>(TopicProvisioner.topicsOf(contract));
            config.lineage().kafkaTopic().ifPresent(owned::add);
            topics.ensure(owned);
        }
        OutputWatermark.newest(admin, contract.outputTopic()).ifPresent(flow.delivery()::seed);
        Availability availability = new Availability(registry, this::state);
        ContractMeters.bind(registry, contract);
        resources.add(new JvmMeters(registry));
        SlaMonitor sla = new SlaMonitor(contract.sla(), flow, availability);
        var manifest = ManifestRoutes.of(new ProductManifest(contract, this::state, sla),
                LineageGraph.of(contract, config.bootstrapServers()), new TopologyView(topology.describe()));
        // The port opens before Kafka Streams exists: its bound port is this instance's application.server.
        StoreQueryPort stores = StoreQueryPort.create(contract, assembled.stores(), topology.describe(), config.access());
        this.queryPort = resources.add(QueryPort.start(config.httpHost(), config.httpPort(), this, registry, routes -> {
            stores.register(routes);
            manifest.accept(routes);
        }));
        Properties properties = assembled.properties();
        HostInfo self = AdvertisedAddress.apply(properties, config.advertisedUrl(), config.httpHost(), queryPort.port());
        KafkaStreams streams = new KafkaStreams(topology, properties);
        streams.setUncaughtExceptionHandler(e -> {
            LOG.error("Kafka Streams thread of {} failed; shutting the product down", contract.name(), e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        Optional<LineageEmitter> lineage = LineageEmitter.start(config.lineage(), contract, config.kafka(), flow, sla);
        lineage.ifPresent(resources::add);
        streams.setStateListener((next, previous) -> {
            LOG.info("{}: {} -> {}", contract.name(), previous, next);
            availability.stateChanged(next);
            lineage.ifPresent(emitter -> emitter.stateChanged(next));
        });
        // Kafka Streams registers task metrics as tasks are assigned; look for new ones every 10 s, not Micrometer's 60 s.
        ScheduledExecutorService metricsRefresh = resources.add(Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, contract.name() + "-metrics-refresh");
            thread.setDaemon(true);
            return thread;
        }), ExecutorService::shutdownNow);
        resources.add(new KafkaStreamsMetrics(streams, List.of(), metricsRefresh, METRICS_REFRESH)).bindTo(registry);
        resources.add(InputLag.start(admin, properties, flow.inputs(), config.lagInterval(), registry));
        stores.serve(streams, self);
        this.streams = streams;
        streams.start();
    }

    /**
     * Builds and starts {@code product} under {@code contract}.
     *
     * @throws IllegalArgumentException if the topology reads an input the contract does not declare
     * @throws IllegalStateException    if the topology never publishes to the output port
     */
    public static ProductRuntime start(DataProduct product, Contract contract, ProductConfig config) {
        return new ProductRuntime(product, contract, config);
    }

    private static Properties adminProperties(ProductConfig config) {
        Properties p = new Properties();
        config.kafka().forEach((k, v) -> {
            if (AdminClientConfig.configNames().contains(k)) {
                p.put(k, v);
            }
        });
        return p;
    }

    /** The product's contract. */
    public Contract contract() {
        return contract;
    }

    /** The product's metrics, as served on {@code /metrics}. */
    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** The record-flow counters. */
    public FlowMetrics flow() {
        return flow;
    }

    /** The Kafka Streams application, for interactive queries. */
    public KafkaStreams streams() {
        return streams;
    }

    /** The stores served on the query port. */
    public List<QueryableStores.ExposedStore> stores() {
        return stores;
    }

    /** The query port's bound port. */
    public int httpPort() {
        return queryPort.port();
    }

    @Override
    public KafkaStreams.State state() {
        return streams == null ? KafkaStreams.State.CREATED : streams.state(); // the port answers before streams exist
    }

    @Override
    public boolean inputsExist() {
        return topics.allExist(contract.ports().inputTopics());
    }

    /** Blocks until {@link #close} has run (for example from the SIGTERM hook). */
    public void awaitTermination() throws InterruptedException {
        stopped.await();
    }

    @Override
    public void close() {
        if (stopped.getCount() == 0) {
            return;
        }
        LOG.info("Stopping {}", contract.name());
        // Leave the group: Kafka Streams otherwise stays a member until the session times out, and a restarted
        // product would wait that long (45 s by default) before it gets its partitions back.
        streams.close(CloseOptions.timeout(CLOSE_TIMEOUT)
                .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
        resources.closeAll(LOG);
        stopped.countDown();
    }
}
