package io.meshwork.core.runtime;

import io.meshwork.core.contract.Contract;
import io.meshwork.core.metrics.Availability;
import io.meshwork.core.metrics.ContractMeters;
import io.meshwork.core.metrics.FlowMetrics;
import io.meshwork.core.metrics.InputLag;
import io.meshwork.core.metrics.JvmMeters;
import io.meshwork.core.metrics.SlaMonitor;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A product's meters, labelled with its product, domain and version: record flow, availability, the contract's SLA
 * targets, JVM, and, once Kafka Streams exists, its own metrics and the input lag. Closes what it started.
 */
final class ProductMetrics implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ProductMetrics.class);
    /** Kafka Streams registers task metrics as tasks are assigned: look for new ones every 10 s, not Micrometer's 60 s. */
    private static final Duration STREAMS_METRICS_REFRESH = Duration.ofSeconds(10);

    private final Contract contract;
    private final Resources resources = new Resources();
    private final PrometheusMeterRegistry registry;
    private final FlowMetrics flow;
    private final Availability availability;
    private final SlaMonitor sla;

    ProductMetrics(Contract contract, Supplier<KafkaStreams.State> state) {
        this.contract = contract;
        this.registry = resources.add(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), PrometheusMeterRegistry::close);
        registry.config().commonTags(List.of(Tag.of("product", contract.name()), Tag.of("domain", contract.domain()),
                Tag.of("version", contract.version())));
        this.flow = new FlowMetrics(registry, contract.sla());
        this.availability = new Availability(registry, state);
        this.sla = new SlaMonitor(contract.sla(), flow, availability);
        ContractMeters.bind(registry, contract);
        resources.add(new JvmMeters(registry));
    }

    /**
     * Binds Kafka Streams' own metrics and starts measuring the lag of the inputs the topology reads. Closing the
     * returned handle stops both; the runtime does so before it closes Kafka Streams and the admin client.
     */
    AutoCloseable bind(KafkaStreams streams, Admin admin, Properties streamsProperties, Duration lagInterval) {
        Resources bound = new Resources();
        ScheduledExecutorService refresh = bound.add(Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, contract.name() + "-metrics-refresh");
            thread.setDaemon(true);
            return thread;
        }), ExecutorService::shutdownNow);
        bound.add(new KafkaStreamsMetrics(streams, List.of(), refresh, STREAMS_METRICS_REFRESH)).bindTo(registry);
        bound.add(InputLag.start(admin, streamsProperties, flow.inputs(), lagInterval, registry));
        return () -> bound.closeAll(LOG);
    }

    /** Feeds a Kafka Streams state change to the availability meters. */
    void stateChanged(KafkaStreams.State next) {
        availability.stateChanged(next);
    }

    PrometheusMeterRegistry registry() {
        return registry;
    }

    FlowMetrics flow() {
        return flow;
    }

    SlaMonitor sla() {
        return sla;
    }

    @Override
    public void close() {
        resources.closeAll(LOG);
    }
}
