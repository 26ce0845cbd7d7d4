package io.meshwork.cli.portal;

import io.meshwork.core.contract.Contract;
import io.meshwork.core.contract.ContractException;
import io.meshwork.core.registry.ContractRegistry;
import io.meshwork.core.registry.Registration;
import io.meshwork.governance.catalog.Catalog;
import io.meshwork.governance.catalog.MeshLineage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the portal shows, refreshed in the background: every product registered on the mesh with its contract, the
 * live status its own query port reports, its latest dead-letter reasons, and the mesh lineage graph.
 */
final class MeshView implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MeshView.class);
    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final int DEAD_LETTERS = 3;

    private final String bootstrapServers;
    private final ContractRegistry registry;
    private final TopicTail tail;
    private final ProductProbe probe = new ProductProbe();
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "portal-refresh");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Map<String, Registration> registered = Map.of();
    private volatile Map<String, Object> snapshot = Map.of("products", List.of(), "lineage", Map.of());

    MeshView(String bootstrapServers, ContractRegistry registry, TopicTail tail) {
        this.bootstrapServers = bootstrapServers;
        this.registry = registry;
        this.tail = tail;
    }

    /** Refreshes now, then every {@code period}. */
    void start(Duration period) {
        refresh();
        refresher.scheduleWithFixedDelay(this::refresh, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The latest snapshot, as JSON-ready maps. */
    Map<String, Object> snapshot() {
        return snapshot;
    }

    /** The registration of {@code product} ({@code domain/name}), if it is registered. */
    Optional<Registration> registration(String product) {
        return Optional.ofNullable(registered.get(product));
    }

    /** The registered contract of {@code product}, if it is registered. */
    Optional<Contract> contract(String product) {
        return registration(product).map(Registration::toContract);
    }

    void refresh() {
        try {
            Map<String, Registration> now = registry.read(PATIENCE);
            List<Map<String, Object>> products = new ArrayList<>();
            List<Contract> contracts = new ArrayList<>();
            for (Registration registration : now.values()) {
                try {
                    contracts.add(registration.toContract());
                } catch (ContractException e) {
                    LOG.warn("Registration of {} is not a valid contract: {}", registration.product(), e.getMessage());
                    continue;
                }
                products.add(product(registration));
            }
            products.sort((a, b) -> a.get("product").toString().compareTo(b.get("product").toString()));
            Map<String, Object> next = new LinkedHashMap<>();
            next.put("bootstrapServers", bootstrapServers);
            next.put("refreshedAt", Instant.now().toString());
            next.put("products", products);
            next.put("lineage", MeshLineage.of(Catalog.of(contracts)).toJson());
            registered = now;
            snapshot = next;
        } catch (RuntimeException e) {
            LOG.warn("Portal refresh failed: {}", e.toString());
        }
    }

    private Map<String, Object> product(Registration registration) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("product", registration.product());
        json.put("registration", registration);
        json.put("live", probe.probe(registration.queryPortUrl()));
        List<Map<String, Object>> deadLetters;
        try {
            deadLetters = tail.latest(registration.deadLetterTopic(), DEAD_LETTERS).stream()
                    .map(record -> {
                        Map<String, Object> reason = new LinkedHashMap<>();
                        reason.put("timestamp", record.get("timestamp"));
                        reason.put("reason", record.getOrDefault("reason", Map.of()));
                        return reason;
                    }).toList();
        } catch (RuntimeException e) {
            deadLetters = List.of();
        }
        json.put("deadLetters", deadLetters);
        return json;
    }

    @Override
    public void close() {
        refresher.shutdownNow();
        try {
            refresher.awaitTermination(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
