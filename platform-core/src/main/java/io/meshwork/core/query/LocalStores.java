package io.meshwork.core.query;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.TaskMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;

/**
 * Reads of the store partitions this instance holds, one partition at a time. Every read may throw
 * {@link InvalidStateStoreException} when the partition is not (or no longer) queryable here, e.g. while it
 * migrates or restores.
 */
final class LocalStores {

    private final KafkaStreams streams;

    LocalStores(KafkaStreams streams) {
        this.streams = streams;
    }

    /** The value of {@code key} in {@code partition}; from a standby copy when {@code standby}. */
    Optional<Object> get(ServedStore store, Object key, int partition, boolean standby) {
        return Optional.ofNullable(keyValue(store, partition, standby).get(key));
    }

    /** The windows of {@code key} starting within {@code range}, each with {@code start}, {@code end}, {@code value}. */
    List<Map<String, Object>> windows(ServedStore store, Object key, int partition, TimeRange range, boolean standby) {
        StoreQueryParameters<ReadOnlyWindowStore<Object, Object>> parameters = StoreQueryParameters
                .fromNameAndType(store.name(), QueryableStoreTypes.<Object, Object>windowStore()).withPartition(partition);
        ReadOnlyWindowStore<Object, Object> windows = streams.store(standby ? parameters.enableStaleStores() : parameters);
        List<Map<String, Object>> found = new ArrayList<>();
        try (KeyValueIterator<Windowed<Object>, Object> it = windows.fetch(key, key, range.from(), range.to())) {
            while (it.hasNext()) {
                KeyValue<Windowed<Object>, Object> window = it.next();
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("start", window.key.window().startTime().toString());
                entry.put("end", window.key.window().endTime().toString());
                entry.put("value", window.value);
                found.add(entry);
            }
        }
        return found;
    }

    /** A page of {@code request} over every partition of the store this instance holds as active. */
    Page scan(ServedStore store, ScanRequest request) {
        List<Page> pages = new ArrayList<>();
        for (int partition : activePartitions(store)) {
            pages.add(scan(store, request, partition));
        }
        return Page.merge(pages, request.limit());
    }

    private Page scan(ServedStore store, ScanRequest request, int partition) {
        KeyFormat keys = store.keys();
        byte[] after = request.after().map(keys::bytes).orElse(null);
        byte[] prefix = request.prefix().map(keys::bytes).orElse(null);
        Object lower = request.prefix().<Object>map(p -> p).or(request::from).orElse(null);
        if (after != null && (lower == null || KeyFormat.compare(after, keys.bytes(lower)) > 0)) {
            lower = request.after().get();
        }
        Object upper = prefix == null ? request.to().orElse(null) : null;
        List<Page.Entry> entries = new ArrayList<>();
        try (KeyValueIterator<Object, Object> it = keyValue(store, partition, false).range(lower, upper)) {
            while (it.hasNext() && entries.size() <= request.limit()) {
                KeyValue<Object, Object> next = it.next();
                byte[] bytes = keys.bytes(next.key);
                if (after != null && KeyFormat.compare(bytes, after) <= 0) {
                    continue;
                }
                if (prefix != null && !startsWith(bytes, prefix)) {
                    break; // sorted: past the keys with this prefix
                }
                entries.add(new Page.Entry(next.key, bytes, next.value));
            }
        }
        return Page.merge(List.of(new Page(entries, false)), request.limit());
    }

    private Set<Integer> activePartitions(ServedStore store) {
        return streams.metadataForLocalThreads().stream()
                .flatMap(thread -> thread.activeTasks().stream())
                .map(TaskMetadata::taskId)
                .filter(task -> store.subtopologies().contains(task.subtopology()))
                .map(TaskId::partition)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private ReadOnlyKeyValueStore<Object, Object> keyValue(ServedStore store, int partition, boolean standby) {
        StoreQueryParameters<ReadOnlyKeyValueStore<Object, Object>> parameters = StoreQueryParameters
                .fromNameAndType(store.name(), QueryableStoreTypes.<Object, Object>keyValueStore()).withPartition(partition);
        return streams.store(standby ? parameters.enableStaleStores() : parameters);
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }
}
