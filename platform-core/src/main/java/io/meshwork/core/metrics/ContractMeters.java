package io.meshwork.core.metrics;

import io.meshwork.core.contract.Contract;
import io.meshwork.core.contract.Ports;
import io.meshwork.core.contract.Sla;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The meters that state what the contract says, constant for a run: {@code dataproduct_info},
 * {@code dataproduct_sla_target{sla}} and {@code dataproduct_lineage_edge{source,target}}.
 */
public final class ContractMeters {

    /** Micrometer name of the identity gauge ({@code dataproduct_info}). */
    public static final String INFO = "dataproduct.info";
    /** Micrometer name of the SLA targets ({@code dataproduct_sla_target}). */
    public static final String SLA_TARGET = "dataproduct.sla.target";
    /** Micrometer name of the lineage edges ({@code dataproduct_lineage_edge}). */
    public static final String LINEAGE_EDGE = "dataproduct.lineage.edge";

    /** {@code sla} label of the freshness target, in seconds. */
    public static final String FRESHNESS_SECONDS = "freshness_seconds";
    /** {@code sla} label of the availability target, a ratio. */
    public static final String AVAILABILITY = "availability";
    /** {@code sla} label of the quality-score target, a ratio. */
    public static final String QUALITY_SCORE = "quality_score";

    private ContractMeters() {
    }

    /** Registers the contract's meters on {@code registry}. */
    public static void bind(MeterRegistry registry, Contract contract) {
        Gauge.builder(INFO, () -> 1)
                .tag("owner", contract.identity().owner())
                .tag("classification", contract.access().classification())
                .tag("output_topic", contract.outputTopic())
                .description("Always 1; the product's identity in its labels")
                .register(registry);
        Sla sla = contract.sla();
        sla.freshness().ifPresent(f -> target(registry, FRESHNESS_SECONDS, f.toMillis() / 1000.0));
        sla.availability().ifPresent(a -> target(registry, AVAILABILITY, a));
        sla.qualityScore().ifPresent(q -> target(registry, QUALITY_SCORE, q));
        for (Ports.Input input : contract.ports().inputs()) {
            Gauge.builder(LINEAGE_EDGE, () -> 1)
                    .tag("source", input.topic())
                    .tag("target", contract.outputTopic())
                    .description("1 per edge from an input topic to the output topic")
                    .register(registry);
        }
    }

    private static void target(MeterRegistry registry, String sla, double value) {
        Gauge.builder(SLA_TARGET, () -> value)
                .tag("sla", sla)
                .description("SLA target from the contract: freshness in seconds, availability and quality as ratios")
                .register(registry);
    }
}
