package io.meshwork.core.deadletter;

/**
 * Where an input record was read: topic, partition and offset. Unknown parts are {@code ""} and {@code -1}
 * (records produced by punctuation have no source).
 */
public record SourcePosition(String topic, int partition, long offset) {

    /** No known source. */
    public static SourcePosition unknown() {
        return new SourcePosition("", -1, -1L);
    }
}
