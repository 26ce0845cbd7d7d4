package io.meshwork.core.http;

import java.time.Duration;
import org.apache.kafka.streams.KafkaStreams;

/**
 * What the health and readiness routes ask of a running product. {@code /health} (liveness) fails when restarting the
 * product is the fix: Kafka Streams failed or stopped, or it has been stuck out of RUNNING (rebalancing, unable to
 * fetch committed offsets) with no restoration progress for longer than {@link #stallTimeout()}. {@code /ready}
 * (readiness) fails while the product cannot serve: not RUNNING, or an input topic is missing.
 */
public interface ProductHealth {

    /** The Kafka Streams state. */
    KafkaStreams.State state();

    /** Whether every declared input topic exists. */
    boolean inputsExist();

    /** How long Kafka Streams has been out of RUNNING without restoring anything; zero while it runs. */
    Duration stalledFor();

    /** How long a stall may last before the product counts as not alive. */
    Duration stallTimeout();

    /** Alive: Kafka Streams has not failed or stopped, and is not stuck. */
    default boolean live() {
        KafkaStreams.State state = state();
        boolean failed = state == KafkaStreams.State.ERROR || state == KafkaStreams.State.PENDING_ERROR
                || state == KafkaStreams.State.NOT_RUNNING || state == KafkaStreams.State.PENDING_SHUTDOWN;
        return !failed && stalledFor().compareTo(stallTimeout()) <= 0;
    }

    /** Ready: RUNNING and every input topic exists. */
    default boolean ready() {
        return state() == KafkaStreams.State.RUNNING && inputsExist();
    }
}
