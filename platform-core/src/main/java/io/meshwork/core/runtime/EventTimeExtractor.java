package io.meshwork.core.runtime;

import io.meshwork.core.EventTime;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/** Event time from the deserialized value; the record timestamp when the value has none or it cannot be read. */
final class EventTimeExtractor<T> implements TimestampExtractor {

    private final Class<T> type;
    private final EventTime<? super T> eventTime;

    EventTimeExtractor(Class<T> type, EventTime<? super T> eventTime) {
        this.type = type;
        this.eventTime = eventTime;
    }

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        if (type.isInstance(record.value())) {
            try {
                Instant time = eventTime.of(type.cast(record.value()));
                if (time != null) {
                    return time.toEpochMilli();
                }
            } catch (RuntimeException unreadable) {
                // fall back to the record timestamp: the contract check judges the value itself
            }
        }
        return record.timestamp() >= 0 ? record.timestamp() : partitionTime;
    }
}
