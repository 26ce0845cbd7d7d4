package io.meshwork.core.query;

import java.util.ArrayList;
import java.util.List;

/** The stores a topology declared queryable, in declaration order. */
public final class StoreDeclarations implements QueryableStores {

    private final List<ExposedStore> exposed = new ArrayList<>();

    @Override
    public <K> QueryableStores keyValue(String store, Class<K> keyType) {
        return add(new ExposedStore(store, Kind.KEY_VALUE, keyType));
    }

    @Override
    public <K> QueryableStores window(String store, Class<K> keyType) {
        return add(new ExposedStore(store, Kind.WINDOW, keyType));
    }

    @Override
    public List<ExposedStore> exposed() {
        return List.copyOf(exposed);
    }

    private QueryableStores add(ExposedStore store) {
        KeyFormat.of(store.keyType());
        if (exposed.stream().anyMatch(s -> s.name().equals(store.name()))) {
            throw new IllegalArgumentException("store '" + store.name() + "' is exposed twice");
        }
        exposed.add(store);
        return this;
    }
}
