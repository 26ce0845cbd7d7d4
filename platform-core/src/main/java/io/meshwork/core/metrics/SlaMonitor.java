package io.meshwork.core.metrics;

import io.meshwork.core.contract.Sla;
import java.util.ArrayList;
import java.util.List;

/**
 * Judges the contract's SLAs against what this instance measures now: freshness from {@link DeliveryTimes},
 * quality from {@link QualityScore} (5-minute window), availability as this instance's up-time share since its
 * Kafka Streams started. The authoritative SLOs over 30 days are computed in Prometheus (see docs/metrics.md).
 */
public final class SlaMonitor {

    private final Sla sla;
    private final FlowMetrics flow;
    private final Availability availability;

    public SlaMonitor(Sla sla, FlowMetrics flow, Availability availability) {
        this.sla = sla;
        this.flow = flow;
        this.availability = availability;
    }

    /** The status of each SLA the contract declares, in the order freshness, availability, quality. */
    public List<SlaStatus> status() {
        List<SlaStatus> status = new ArrayList<>();
        sla.freshness().ifPresent(target -> status.add(SlaStatus.atMost(ContractMeters.FRESHNESS_SECONDS,
                target.toMillis() / 1000.0, flow.delivery().freshnessSeconds(), "now")));
        sla.availability().ifPresent(target -> status.add(SlaStatus.atLeast(ContractMeters.AVAILABILITY,
                target, availability.sinceStart(),
                availability.startedAt().map(at -> "since " + at).orElse("not started"))));
        sla.qualityScore().ifPresent(target -> status.add(SlaStatus.atLeast(ContractMeters.QUALITY_SCORE,
                target, flow.quality().score(), QualityScore.WINDOW.toString())));
        return status;
    }
}
