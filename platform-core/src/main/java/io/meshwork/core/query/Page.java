package io.meshwork.core.query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * One page of a scan: entries in store key order and whether more follow. Partitions, and instances, each hold
 * their own sorted run of keys; pages from several are merged by serialized key, which is the order every store
 * partition iterates in.
 *
 * @param entries entries in key order, at most the request's limit
 * @param more    whether keys after the last entry may match
 */
record Page(List<Entry> entries, boolean more) {

    private static final Comparator<Entry> STORE_ORDER = (a, b) -> KeyFormat.compare(a.bytes(), b.bytes());

    /**
     * An entry.
     *
     * @param key   the typed key
     * @param bytes the key as the store holds it
     * @param value the value: as the store holds it, or as JSON when it came from another instance
     */
    record Entry(Object key, byte[] bytes, Object value) {
    }

    /** The first {@code limit} of {@code pages}' entries, in key order. */
    static Page merge(List<Page> pages, int limit) {
        List<Entry> all = new ArrayList<>();
        boolean more = false;
        for (Page page : pages) {
            all.addAll(page.entries);
            more |= page.more;
        }
        all.sort(STORE_ORDER);
        if (all.size() > limit) {
            return new Page(List.copyOf(all.subList(0, limit)), true);
        }
        return new Page(List.copyOf(all), more);
    }

    /** The response body: {@code store}, {@code entries} of {@code key}/{@code value}, and the {@code next} token. */
    Map<String, Object> body(String store, KeyFormat keys) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("store", store);
        body.put("entries", entries.stream().map(e -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("key", e.key());
            entry.put("value", e.value());
            return entry;
        }).toList());
        body.put("next", more && !entries.isEmpty() ? ScanRequest.token(keys, entries.get(entries.size() - 1).key()) : null);
        return body;
    }

    /** Reads a page another instance answered with {@link #body}. */
    static Page read(JsonNode body, KeyFormat keys) {
        List<Entry> entries = new ArrayList<>();
        for (JsonNode entry : body.path("entries")) {
            Object key = keys.parse(entry.path("key").asString(), "key");
            entries.add(new Entry(key, keys.bytes(key), entry.path("value")));
        }
        JsonNode next = body.path("next");
        return new Page(entries, next.isString() && !next.asString().isEmpty());
    }
}
