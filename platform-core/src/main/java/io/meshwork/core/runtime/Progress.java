package io.meshwork.core.runtime;

import java.time.Duration;
import java.util.function.LongSupplier;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.processor.StateRestoreListener;

/**
 * When Kafka Streams last moved: a state change or a batch of state restored. Tells a product that is slow to start
 * (restoring a large store, rebalancing) from one that is stuck (REBALANCING for ever, unable to fetch its committed
 * offsets), which is what {@code /health} must report to an orchestrator.
 */
final class Progress implements StateRestoreListener {

    private final LongSupplier clock;
    private volatile KafkaStreams.State state = KafkaStreams.State.CREATED;
    private volatile long movedAt;

    Progress(LongSupplier clock) {
        this.clock = clock;
        this.movedAt = clock.getAsLong();
    }

    void stateChanged(KafkaStreams.State next) {
        state = next;
        movedAt = clock.getAsLong();
    }

    /** How long Kafka Streams has been out of RUNNING without restoring anything; zero while it runs. */
    Duration stalledFor() {
        return state == KafkaStreams.State.RUNNING ? Duration.ZERO : Duration.ofMillis(clock.getAsLong() - movedAt);
    }

    @Override
    public void onRestoreStart(TopicPartition partition, String store, long startingOffset, long endingOffset) {
        movedAt = clock.getAsLong();
    }

    @Override
    public void onBatchRestored(TopicPartition partition, String store, long batchEndOffset, long restored) {
        movedAt = clock.getAsLong();
    }

    @Override
    public void onRestoreEnd(TopicPartition partition, String store, long totalRestored) {
        movedAt = clock.getAsLong();
    }
}
