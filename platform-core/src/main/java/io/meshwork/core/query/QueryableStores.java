package io.meshwork.core.query;

import java.util.List;

/**
 * The state stores a product exposes on its query port. Declared in the topology with
 * {@code ctx.queries().keyValue("customer-profiles", String.class)} or
 * {@code ctx.queries().window("revenue-by-region", String.class)}; the store must be materialized under that
 * name in the topology, keyed with Kafka's built-in serde for the key type. Key types: {@code String}, {@code Long},
 * {@code Integer}, {@code Short}, {@code Double}, {@code Float}, {@code UUID}, {@code Boolean}; another type is an
 * {@link IllegalArgumentException}. See {@code docs/query-port.md}.
 */
public interface QueryableStores {

    /** Exposes a key-value store: key lookup, key range and prefix scans. */
    <K> QueryableStores keyValue(String store, Class<K> keyType);

    /** Exposes a window store: a key's windows between {@code from} and {@code to}. */
    <K> QueryableStores window(String store, Class<K> keyType);

    /** Every store declared so far. */
    List<ExposedStore> exposed();

    /**
     * One exposed store.
     *
     * @param name    store name
     * @param kind    key-value or window
     * @param keyType type keys in URLs are parsed into
     */
    record ExposedStore(String name, Kind kind, Class<?> keyType) {
    }

    /** Kinds of queryable store. */
    enum Kind { KEY_VALUE, WINDOW }
}
