package io.meshwork.core.deadletter;

import java.util.Locale;

/** Why a record went to the dead-letter topic; the {@code reason} label of {@code dataproduct_records_dlq_total}. */
public enum DeadLetterReason {
    /** The input bytes could not be read as the declared input type. */
    DESERIALIZATION,
    /** The record the topology produced does not match the contract's schema. */
    CONTRACT,
    /** The domain topology threw while processing the record. */
    PROCESSING,
    /** Kafka refused the output record (too large, timestamp out of range, ...). */
    PRODUCTION;

    /** Lower-case label, as in metrics and the {@code meshwork.error.kind} header. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
