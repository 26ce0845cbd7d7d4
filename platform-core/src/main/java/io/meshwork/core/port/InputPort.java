package io.meshwork.core.port;

import io.meshwork.core.EventTime;
import io.meshwork.core.serde.JsonSerde;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * How a declared input topic is read: String keys, JSON values of the declared type, every record counted as read
 * (readable or not: unreadable bytes fail here and go on to {@link DeadLetterHandlers.OnDeserialization}), event
 * time from the value when the product says where it is.
 */
final class InputPort {

    private InputPort() {
    }

    /** The {@code Consumed} of input {@code topic}; {@code eventTime} null keeps the Kafka record timestamp. */
    static <T> Consumed<String, T> consumed(String topic, Class<T> type, EventTime<? super T> eventTime,
                                            RecordCounter counter) {
        JsonSerde<T> json = new JsonSerde<>(type);
        // The value serde travels downstream (repartitioning, stores) unless the topology overrides it, so it must
        // serialize too; it counts only what it reads from the input topic itself.
        Serde<T> values = Serdes.serdeFrom(json.serializer(), new CountingReader<>(topic, json.deserializer(), counter));
        Consumed<String, T> consumed = Consumed.with(Serdes.String(), values).withName("input-" + topic);
        return eventTime == null ? consumed : consumed.withTimestampExtractor(new EventTimeExtractor<>(type, eventTime));
    }

    private record CountingReader<T>(String topic, Deserializer<T> json, RecordCounter counter) implements Deserializer<T> {

        @Override
        public T deserialize(String from, byte[] data) {
            if (topic.equals(from)) {
                counter.read(topic);
            }
            return json.deserialize(from, data);
        }
    }

    /**
     * Event time from the deserialized value; the record timestamp when the value has none, it cannot be read, or it
     * is before 1970 (Kafka drops records with negative timestamps silently, and nothing may be dropped silently).
     */
    private record EventTimeExtractor<T>(Class<T> type, EventTime<? super T> eventTime) implements TimestampExtractor {

        @Override
        public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
            if (type.isInstance(record.value())) {
                try {
                    Instant time = eventTime.of(type.cast(record.value()));
                    if (time != null && !time.isBefore(Instant.EPOCH)) {
                        return time.toEpochMilli();
                    }
                } catch (RuntimeException unreadable) {
                    // fall back to the record timestamp: the output port judges the value itself
                }
            }
            return record.timestamp() >= 0 ? record.timestamp() : partitionTime;
        }
    }
}
