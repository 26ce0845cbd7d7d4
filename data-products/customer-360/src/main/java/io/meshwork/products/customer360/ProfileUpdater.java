package io.meshwork.products.customer360;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Keeps one profile per customer and publishes it whenever it changes.
 *
 * <p>What "now" is for the segment: the event time of the customer's latest event (order or CRM), so a profile
 * depends only on the customer's own events, whatever their arrival order or partitioning. A late event never moves
 * "now" back. Because a customer who stops ordering has no event that would make them churning, the profiles are
 * also re-evaluated every {@code resegmentEvery} of stream time (the newest event time of the partition), and those
 * whose segment changed are published with that stream time as {@code asOf}. The customer's next own event is
 * evaluated at its own time again, so the final profile never depends on when a re-check happened to run.
 */
final class ProfileUpdater implements Processor<String, CustomerEvent, String, CustomerProfile> {

    private final Duration resegmentEvery;
    private ProcessorContext<String, CustomerProfile> context;
    private TimestampedKeyValueStore<String, CustomerProfile> profiles;
    private KeyValueStore<String, OrderHistory> histories;

    ProfileUpdater(Duration resegmentEvery) {
        this.resegmentEvery = resegmentEvery;
    }

    @Override
    public void init(ProcessorContext<String, CustomerProfile> context) {
        this.context = context;
        this.profiles = context.getStateStore(Customer360.PROFILES);
        this.histories = context.getStateStore(Customer360.ORDER_HISTORY);
        context.schedule(resegmentEvery, PunctuationType.STREAM_TIME, this::resegment);
    }

    @Override
    public void process(Record<String, CustomerEvent> record) {
        String customerId = record.key();
        Instant at = Instant.ofEpochMilli(record.timestamp());
        ValueAndTimestamp<CustomerProfile> stored = profiles.get(customerId);
        CustomerProfile profile = stored == null ? CustomerProfile.first(customerId) : stored.value();
        OrderHistory history = history(customerId);
        CustomerEvent event = record.value();
        if (event.order() != null) {
            profile = profile.withOrder(event.order().totalAmount(), at);
            history = history.with(at);
        } else {
            profile = profile.withCrm(event.crm(), at);
        }
        // "Now" is the customer's own latest event time, never a stream time a re-check stamped: that keeps the
        // profile independent of how this customer's events interleave with other customers' on the partition.
        Instant now = profile.lastActivity();
        CustomerProfile updated = profile.evaluatedAt(now, history);
        save(customerId, updated, history.within(now));
        context.forward(record.withValue(updated));
    }

    private void resegment(long streamTime) {
        Instant now = Instant.ofEpochMilli(streamTime);
        List<KeyValue<String, CustomerProfile>> changed = new ArrayList<>();
        try (KeyValueIterator<String, ValueAndTimestamp<CustomerProfile>> all = profiles.all()) {
            all.forEachRemaining(entry -> {
                CustomerProfile profile = entry.value.value();
                if (now.isAfter(profile.asOf())) {
                    CustomerProfile reevaluated = profile.evaluatedAt(now, history(entry.key));
                    if (reevaluated.segment() != profile.segment()) {
                        changed.add(KeyValue.pair(entry.key, reevaluated));
                    }
                }
            });
        }
        for (KeyValue<String, CustomerProfile> profile : changed) {
            save(profile.key, profile.value, history(profile.key).within(now));
            context.forward(new Record<>(profile.key, profile.value, streamTime));
        }
    }

    private OrderHistory history(String customerId) {
        OrderHistory history = histories.get(customerId);
        return history == null ? OrderHistory.none() : history;
    }

    private void save(String customerId, CustomerProfile profile, OrderHistory recentOrders) {
        profiles.put(customerId, ValueAndTimestamp.make(profile, profile.asOf().toEpochMilli()));
        histories.put(customerId, recentOrders);
    }
}
