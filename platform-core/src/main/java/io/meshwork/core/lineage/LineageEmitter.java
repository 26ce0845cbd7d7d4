package io.meshwork.core.lineage;

import io.meshwork.core.contract.Contract;
import io.meshwork.core.contract.ContractException;
import io.meshwork.core.contract.ContractLoader;
import io.meshwork.core.contract.Ports;
import io.meshwork.core.metrics.FlowMetrics;
import io.meshwork.core.metrics.SlaMonitor;
import io.openlineage.client.OpenLineage.RunEvent.EventType;
import io.openlineage.client.OpenLineageClient;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Emits a product's OpenLineage run events with OpenLineage's Java client: START when the product starts,
 * RUNNING every {@link LineageConfig#interval()} with the record counts and SLA status, COMPLETE when it stops
 * and FAIL if Kafka Streams fails. Events are sent from one background thread, in order; a transport that fails
 * is logged and never stops the product.
 */
public final class LineageEmitter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LineageEmitter.class);
    private static final long CLOSE_TIMEOUT_SECONDS = 15;

    private final RunEvents events;
    private final OpenLineageClient client;
    private final FlowMetrics flow;
    private final SlaMonitor sla;
    private final ScheduledExecutorService thread;
    private boolean ended;
    private boolean warned;

    private LineageEmitter(RunEvents events, OpenLineageClient client, FlowMetrics flow, SlaMonitor sla, String name) {
        this.events = events;
        this.client = client;
        this.flow = flow;
        this.sla = sla;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name + "-openlineage");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Starts emitting for {@code contract}'s product, or returns {@link Optional#empty()} when {@code config}
     * turns lineage off.
     *
     * @param kafka the product's Kafka client settings: the cluster its datasets live on, and the Kafka transport's
     */
    public static Optional<LineageEmitter> start(LineageConfig config, Contract contract, Map<String, Object> kafka,
                                                 FlowMetrics flow, SlaMonitor sla) {
        if (config.transport() == LineageConfig.Transport.OFF) {
            return Optional.empty();
        }
        String bootstrap = String.valueOf(kafka.get("bootstrap.servers"));
        RunEvents events = new RunEvents(contract, KafkaDatasets.namespace(bootstrap), config.namespace(),
                inputSchemas(contract), Clock.systemUTC());
        OpenLineageClient client = new OpenLineageClient(
                LineageTransports.create(config, kafka, contract.name() + "-openlineage"));
        LineageEmitter emitter = new LineageEmitter(events, client, flow, sla, contract.name());
        LOG.info("OpenLineage run {} of {} reported to {}", events.runId(), contract.identity().qualifiedName(),
                config.transport().name().toLowerCase(Locale.ROOT));
        emitter.thread.execute(() -> emitter.emit(EventType.START, Optional.empty()));
        long period = config.interval().toMillis();
        emitter.thread.scheduleAtFixedRate(() -> emitter.emit(EventType.RUNNING, Optional.empty()), period, period,
                TimeUnit.MILLISECONDS);
        return Optional.of(emitter);
    }

    /** Feeds a Kafka Streams state change: ERROR ends the run with a FAIL event. */
    public void stateChanged(KafkaStreams.State next) {
        if (next == KafkaStreams.State.ERROR) {
            thread.execute(() -> emit(EventType.FAIL, Optional.of("Kafka Streams of the product failed")));
        }
    }

    /** Ends the run with COMPLETE (unless it failed) and closes the transport. */
    @Override
    public void close() {
        thread.execute(() -> emit(EventType.COMPLETE, Optional.empty()));
        thread.shutdown();
        try {
            if (!thread.awaitTermination(CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            client.close();
        } catch (Exception e) {
            LOG.warn("Closing the OpenLineage client failed: {}", e.toString());
        }
    }

    /** Runs on the emitter thread only. */
    private void emit(EventType type, Optional<String> failure) {
        if (ended) {
            return;
        }
        ended = type == EventType.COMPLETE || type == EventType.FAIL;
        RunProgress progress = type == EventType.START ? RunProgress.none() : RunProgress.of(flow, sla);
        try {
            client.emit(events.event(type, progress, failure));
            warned = false;
        } catch (RuntimeException e) {
            if (!warned) {
                LOG.warn("Could not emit OpenLineage {} event of run {}: {}", type, events.runId(), e.toString());
                warned = true;
            }
        }
    }

    /** The schemas of inputs declared as {@code product: domain/name}, read from those products' contracts. */
    private static Map<String, JsonNode> inputSchemas(Contract contract) {
        Map<String, JsonNode> schemas = new HashMap<>();
        Path domainDir = contract.source().toAbsolutePath().getParent();
        if (domainDir == null || domainDir.getParent() == null) {
            return schemas;
        }
        for (Ports.Input input : contract.ports().inputs()) {
            input.product().ifPresent(product -> {
                try {
                    schemas.put(input.topic(), ContractLoader.load(domainDir.getParent().resolve(product + ".yaml")).schema());
                } catch (ContractException e) {
                    LOG.debug("No schema for input {} of {}: {}", input.topic(), contract.name(), e.getMessage());
                }
            });
        }
        return schemas;
    }
}
