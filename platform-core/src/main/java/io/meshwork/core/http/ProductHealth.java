package io.meshwork.core.http;

import org.apache.kafka.streams.KafkaStreams;

/** What the health and readiness routes ask of a running product. */
public interface ProductHealth {

    /** The Kafka Streams state. */
    KafkaStreams.State state();

    /** Whether every declared input topic exists. */
    boolean inputsExist();

    /** Alive: Kafka Streams has not failed or stopped. */
    default boolean live() {
        KafkaStreams.State state = state();
        return state != KafkaStreams.State.ERROR && state != KafkaStreams.State.PENDING_ERROR
                && state != KafkaStreams.State.NOT_RUNNING && state != KafkaStreams.State.PENDING_SHUTDOWN;
    }

    /** Ready: RUNNING and every input topic exists. */
    default boolean ready() {
        return state() == KafkaStreams.State.RUNNING && inputsExist();
    }
}
