package io.meshwork.core.port;

import java.util.Locale;

/**
 * Why a record went to the dead-letter topic: the {@code reason} label of {@code dataproduct_records_dlq_total} and
 * the {@value MeshworkHeaders#KIND} header.
 */
public enum DeadLetterReason {
    /** The input bytes could not be read as the declared input type. */
    DESERIALIZATION,
    /** The record the topology produced does not match the contract's schema. */
    CONTRACT,
    /** The domain topology threw while processing the record. */
    PROCESSING,
    /** Kafka refused the output record (too large, timestamp out of range, ...). */
    PRODUCTION;

    /** Lower-case label, as in metrics and the {@value MeshworkHeaders#KIND} header. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
