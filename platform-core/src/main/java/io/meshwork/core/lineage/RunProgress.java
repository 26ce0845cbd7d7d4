package io.meshwork.core.lineage;

import io.meshwork.core.metrics.FlowMetrics;
import io.meshwork.core.metrics.QualityScore;
import io.meshwork.core.metrics.SlaMonitor;
import io.meshwork.core.metrics.SlaStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a run has done so far, as RUNNING and COMPLETE events report it.
 *
 * @param in           records read per input topic since start
 * @param out          records published since start
 * @param deadLettered records sent to the dead-letter topic since start
 * @param quality      records judged in the quality window
 * @param sla          each SLA's live status
 */
record RunProgress(Map<String, Long> in, long out, long deadLettered, QualityScore.Counts quality, List<SlaStatus> sla) {

    /** Nothing done yet: the START event. */
    static RunProgress none() {
        return new RunProgress(Map.of(), 0, 0, new QualityScore.Counts(0, 0), List.of());
    }

    /** A snapshot of the product's meters now. */
    static RunProgress of(FlowMetrics flow, SlaMonitor sla) {
        Map<String, Long> in = new LinkedHashMap<>();
        flow.inputs().forEach(topic -> in.put(topic, (long) flow.in(topic)));
        return new RunProgress(in, (long) flow.out(), (long) flow.deadLettered(), flow.quality().counts(), sla.status());
    }
}
