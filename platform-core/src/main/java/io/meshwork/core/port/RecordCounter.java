package io.meshwork.core.port;

/**
 * What the record path tells about each record it handles, so that something else (the product's flow metrics) can
 * count it. For every product: read = published + dead-lettered + what the domain logic filtered or aggregated away.
 */
public interface RecordCounter {

    /** Counts nothing, for assembling a topology that never runs (lint, topology descriptions). */
    RecordCounter NONE = new RecordCounter() {
        @Override
        public void read(String topic) {
        }

        @Override
        public void published(long eventTimeMs) {
        }

        @Override
        public void deadLettered(DeadLetterReason reason) {
        }
    };

    /** An input port opened on {@code topic}, before any record is read from it. */
    default void inputOpened(String topic) {
    }

    /** One record read from input {@code topic}, readable or not. */
    void read(String topic);

    /** One record published on the output topic, with event time {@code eventTimeMs}. */
    void published(long eventTimeMs);

    /** One record sent to the dead-letter topic. */
    void deadLettered(DeadLetterReason reason);
}
