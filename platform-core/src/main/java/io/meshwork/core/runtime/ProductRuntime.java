package io.meshwork.core.runtime;

import io.meshwork.core.DataProduct;
import io.meshwork.core.contract.Contract;
import io.meshwork.core.http.ProductHealth;
import io.meshwork.core.http.QueryPort;
import io.meshwork.core.metrics.FlowMetrics;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
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

    private final Contract contract;
    private final PrometheusMeterRegistry registry;
    private final FlowMetrics flow;
    private final Admin admin;
    private final KafkaStreams streams;
    private final KafkaStreamsMetrics streamsMetrics;
    private final QueryPort queryPort;
    private final CountDownLatch stopped = new CountDownLatch(1);

    private ProductRuntime(DataProduct product, Contract contract, ProductConfig config) {
        this.contract = contract;
        this.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().commonTags(List.of(Tag.of("product", contract.name()), Tag.of("domain", contract.domain()),
                Tag.of("version", contract.version())));
        this.flow = new FlowMetrics(registry);

        ProductTopology assembled = ProductTopology.assemble(product, contract, config, flow);
        Topology topology = assembled.topology();
        LOG.info("Topology of {}:\n{}", contract.identity().qualifiedName(), topology.describe());

        this.admin = Admin.create(adminProperties(config));
        if (config.createTopics()) {
            new TopicProvisioner(admin).ensure(TopicProvisioner.topicsOf(contract));
        }
        this.streams = new KafkaStreams(topology, assembled.properties());
        streams.setUncaughtExceptionHandler(e -> {
            LOG.error("Kafka Streams thread of {} failed; shutting the product down", contract.name(), e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        streams.setStateListener((next, previous) -> LOG.info("{}: {} -> {}", contract.name(), previous, next));
        this.streamsMetrics = new KafkaStreamsMetrics(streams);
        streamsMetrics.bindTo(registry);
        this.queryPort = QueryPort.start(config.httpHost(), config.httpPort(), this, registry, routes -> { });
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

    /** The query port's bound port. */
    public int httpPort() {
        return queryPort.port();
    }

    @Override
    public KafkaStreams.State state() {
        return streams.state();
    }

    @Override
    public boolean inputsExist() {
        return new TopicProvisioner(admin).allExist(contract.ports().inputTopics());
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
        streams.close(CloseOptions.timeout(CLOSE_TIMEOUT));
        queryPort.close();
        streamsMetrics.close();
        admin.close(Duration.ofSeconds(5));
        registry.close();
        stopped.countDown();
    }
}
