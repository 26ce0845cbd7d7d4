package io.meshwork.core.port;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** A {@link RecordCounter} that remembers what it was told, for assertions. */
final class CountingRecords implements RecordCounter {

    final List<String> read = new ArrayList<>();
    final List<Long> published = new ArrayList<>();
    final Map<DeadLetterReason, Integer> deadLettered = new EnumMap<>(DeadLetterReason.class);

    @Override
    public synchronized void read(String topic) {
        read.add(topic);
    }

    @Override
    public synchronized void published(long eventTimeMs) {
        published.add(eventTimeMs);
    }

    @Override
    public synchronized void deadLettered(DeadLetterReason reason) {
        deadLettered.merge(reason, 1, Integer::sum);
    }

    int deadLetters(DeadLetterReason reason) {
        return deadLettered.getOrDefault(reason, 0);
    }
}
