package io.meshwork.core.runtime;

import io.meshwork.core.DataProduct;
import io.meshwork.core.contract.Contract;
import io.meshwork.core.http.HttpPort;
import io.meshwork.core.http.ProductHealth;
import io.meshwork.core.lineage.LineageEmitter;
import io.meshwork.core.lineage.ProductLineage;
import io.meshwork.core.manifest.ManifestRoutes;
import io.meshwork.core.manifest.ProductManifest;
import io.meshwork.core.manifest.TopologyView;
import io.meshwork.core.metrics.FlowMetrics;
import io.meshwork.core.query.AdvertisedAddress;
import io.meshwork.core.query.QueryableStores;
import io.meshwork.core.query.StoreRoutes;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running data product, composed of named parts that each build and close their own resources: its
 * {@link ProductMetrics}, {@link ProductTopics} (admin), its {@link ProductRegistration} on the mesh, the {@link HttpPort} with its store and manifest routes, the
 * OpenLineage emitter and {@link ProductStreams}. {@link #start} returns once all are started; {@link #close} stops
 * them newest first, so Kafka Streams commits its in-flight records before anything it reports to goes away.
 */
public final class ProductRuntime implements AutoCloseable, ProductHealth {

    private static final Logger LOG = LoggerFactory.getLogger(ProductRuntime.class);

    private final Contract contract;
    private final Resources resources = new Resources();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final ProductMetrics metrics;
    private final Progress progress = new Progress(System::currentTimeMillis);
    private final Duration stallTimeout;
    private List<QueryableStores.ExposedStore> stores = List.of();
    private ProductTopics topics;
    private HttpPort httpPort;
    private ProductStreams streams;

    private ProductRuntime(DataProduct product, Contract contract, ProductConfig config) {
        this.contract = contract;
        this.stallTimeout = config.stallTimeout();
        this.metrics = resources.add(new ProductMetrics(contract, this::state));
        try {
            assemble(product, config);
        } catch (RuntimeException e) {
            // Whatever opened before the failure (HTTP port, admin client, threads) must not outlive it.
            resources.closeAll(LOG);
            throw e;
        }
    }

    private void assemble(DataProduct product, ProductConfig config) {
        ProductTopology assembled = ProductTopology.assemble(product, contract, config, metrics.flow());
        Topology topology = assembled.topology();
        this.stores = assembled.stores().exposed();
        LOG.info("Topology of {}:\n{}", contract.identity().qualifiedName(), topology.describe());
        this.topics = resources.add(ProductTopics.open(contract, config));
        ProductRegistration registration = new ProductRegistration(config, contract);
        registration.check();
        topics.newestOutput().ifPresent(metrics.flow().delivery()::seed);
        // The port opens before Kafka Streams exists: its bound port is this instance's application.server.
        // Registered before the port, so it is closed after it: no request forwards through a stopped client.
        StoreRoutes storeRoutes = resources.add(StoreRoutes.create(contract, assembled.stores(), topology.describe(),
                config.access()));
        var manifest = ManifestRoutes.of(new ProductManifest(contract, this::state, metrics.sla()),
                ProductLineage.of(contract, config.bootstrapServers()), new TopologyView(topology.describe()));
        this.httpPort = resources.add(HttpPort.start(config.httpHost(), config.httpPort(), this, metrics.registry(),
                routes -> {
                    storeRoutes.register(routes);
                    manifest.accept(routes);
                }));
        Properties properties = assembled.properties();
        HostInfo self = AdvertisedAddress.apply(properties, config.advertisedUrl(), config.httpHost(), httpPort.port());
        Optional<LineageEmitter> lineage = LineageEmitter.start(config.lineage(), contract, config.kafka(),
                metrics.flow(), metrics.sla());
        lineage.ifPresent(resources::add);
        this.streams = resources.add(new ProductStreams(contract, topology, properties, progress, next -> {
            metrics.stateChanged(next);
            lineage.ifPresent(emitter -> emitter.stateChanged(next));
        }));
        resources.add(metrics.bind(streams.kafkaStreams(), topics.admin(), properties, config.lagInterval()));
        storeRoutes.serve(streams.kafkaStreams(), self);
        streams.start();
        registration.register(self);
    }

    /**
     * Builds and starts {@code product} under {@code contract}.
     *
     * @throws IllegalArgumentException if the topology reads an input the contract does not declare
     * @throws IllegalStateException    if the topology never publishes to the output port, or the contract is
     *                                  incompatible with the registered one of the same major version
     */
    public static ProductRuntime start(DataProduct product, Contract contract, ProductConfig config) {
        return new ProductRuntime(product, contract, config);
    }

    /** The product's contract. */
    public Contract contract() {
        return contract;
    }

    /** The product's metrics, as served on {@code /metrics}. */
    public PrometheusMeterRegistry registry() {
        return metrics.registry();
    }

    /** The record-flow counters. */
    public FlowMetrics flow() {
        return metrics.flow();
    }

    /** The Kafka Streams application, for interactive queries. */
    public KafkaStreams streams() {
        return streams.kafkaStreams();
    }

    /** The stores served on the query port. */
    public List<QueryableStores.ExposedStore> stores() {
        return stores;
    }

    /** The HTTP port's bound port. */
    public int httpPort() {
        return httpPort.port();
    }

    @Override
    public KafkaStreams.State state() {
        return streams == null ? KafkaStreams.State.CREATED : streams.state(); // the port answers before streams exist
    }

    @Override
    public Duration stalledFor() {
        return progress.stalledFor();
    }

    @Override
    public Duration stallTimeout() {
        return stallTimeout;
    }

    @Override
    public boolean inputsExist() {
        return topics.inputsExist();
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
        resources.closeAll(LOG);
        stopped.countDown();
    }
}
