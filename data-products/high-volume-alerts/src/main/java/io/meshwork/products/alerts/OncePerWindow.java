package io.meshwork.products.alerts;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.TimestampedWindowStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Raises the alert of a window over the threshold the first time one of its updates arrives, and remembers it in
 * a window store (key region, timestamp window start) so later updates of the same window raise nothing. Every
 * update of one window comes from the same region, hence the same partition and task.
 */
final class OncePerWindow implements Processor<String, RevenueWindow, String, HighVolumeAlert> {

    private final long threshold;
    private final String storeName;
    private ProcessorContext<String, HighVolumeAlert> context;
    private TimestampedWindowStore<String, HighVolumeAlert> alerted;

    OncePerWindow(long threshold, String storeName) {
        this.threshold = threshold;
        this.storeName = storeName;
    }

    @Override
    public void init(ProcessorContext<String, HighVolumeAlert> context) {
        this.context = context;
        this.alerted = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, RevenueWindow> record) {
        RevenueWindow window = record.value();
        if (window.orderCount() <= threshold) {
            return;
        }
        long start = window.windowStart().toEpochMilli();
        if (alerted.fetch(window.region(), start) != null) {
            return;
        }
        HighVolumeAlert alert = HighVolumeAlert.of(window, threshold);
        alerted.put(window.region(), ValueAndTimestamp.make(alert, record.timestamp()), start);
        context.forward(record.withKey(window.region()).withValue(alert));
    }
}
