package io.meshwork.core.runtime;

import io.meshwork.core.metrics.FlowMetrics;
import io.meshwork.core.port.DeadLetterReason;
import io.meshwork.core.port.RecordCounter;

/** Counts what the record path reports on the product's flow metrics. */
final class FlowCounter implements RecordCounter {

    private final FlowMetrics flow;

    FlowCounter(FlowMetrics flow) {
        this.flow = flow;
        for (DeadLetterReason reason : DeadLetterReason.values()) {
            flow.declareDeadLetterReason(reason.label());
        }
    }

    @Override
    public void inputOpened(String topic) {
        flow.declareInput(topic);
    }

    @Override
    public void read(String topic) {
        flow.recordIn(topic);
    }

    @Override
    public void published(long eventTimeMs) {
        flow.recordOut(eventTimeMs);
    }

    @Override
    public void deadLettered(DeadLetterReason reason) {
        flow.recordDeadLetter(reason.label());
    }
}
