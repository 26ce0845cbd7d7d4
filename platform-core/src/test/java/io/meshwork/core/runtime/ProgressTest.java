package io.meshwork.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshwork.core.http.ProductHealth;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;

class ProgressTest {

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final Progress progress = new Progress(now::get);
    private final ProductHealth health = new ProductHealth() {
        @Override
        public KafkaStreams.State state() {
            return state;
        }

        @Override
        public boolean inputsExist() {
            return true;
        }

        @Override
        public Duration stalledFor() {
            return progress.stalledFor();
        }

        @Override
        public Duration stallTimeout() {
            return Duration.ofMinutes(5);
        }
    };
    private KafkaStreams.State state = KafkaStreams.State.CREATED;

    @Test
    void aProductRebalancingForLongerThanTheTimeoutWithNothingRestoredIsNotAlive() {
        change(KafkaStreams.State.REBALANCING);
        advance(Duration.ofMinutes(5));
        assertThat(health.live()).isTrue();
        advance(Duration.ofSeconds(1));
        assertThat(progress.stalledFor()).isEqualTo(Duration.ofSeconds(301));
        assertThat(health.live()).isFalse();
        assertThat(health.ready()).isFalse();
    }

    @Test
    void restoringALargeStoreIsProgressNotAStall() {
        change(KafkaStreams.State.REBALANCING);
        TopicPartition changelog = new TopicPartition("revenue-store-changelog", 0);
        progress.onRestoreStart(changelog, "store", 0, 10_000_000);
        for (int minute = 0; minute < 20; minute++) {
            advance(Duration.ofMinutes(1));
            progress.onBatchRestored(changelog, "store", minute * 500_000L, 500_000);
        }
        assertThat(health.live()).isTrue();
        progress.onRestoreEnd(changelog, "store", 10_000_000);
        change(KafkaStreams.State.RUNNING);
        advance(Duration.ofHours(2));
        assertThat(progress.stalledFor()).isZero();
        assertThat(health.live()).isTrue();
    }

    @Test
    void aFailedProductIsNotAliveAtOnce() {
        change(KafkaStreams.State.RUNNING);
        change(KafkaStreams.State.PENDING_ERROR);
        assertThat(health.live()).isFalse();
        change(KafkaStreams.State.ERROR);
        assertThat(health.live()).isFalse();
    }

    private void change(KafkaStreams.State next) {
        state = next;
        progress.stateChanged(next);
    }

    private void advance(Duration by) {
        now.addAndGet(by.toMillis());
    }
}
