package io.meshwork.core.query;

import io.meshwork.core.query.QueryableStores.ExposedStore;
import io.meshwork.core.query.QueryableStores.Kind;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.streams.TopologyDescription;

/**
 * An exposed store as the port serves it: its key format and the sub-topologies whose tasks hold its partitions.
 *
 * @param exposed       the declaration
 * @param keys          key format of the declared key type
 * @param subtopologies ids of the sub-topologies that own the store
 */
record ServedStore(ExposedStore exposed, KeyFormat keys, Set<Integer> subtopologies) {

    String name() {
        return exposed.name();
    }

    boolean windowed() {
        return exposed.kind() == Kind.WINDOW;
    }

    /** The kind as written in responses and docs. */
    String kindName() {
        return windowed() ? "window" : "key-value";
    }

    /**
     * The declared stores by name, each located in the topology.
     *
     * @throws IllegalStateException if a declared store is not materialized under its name in the topology
     */
    static Map<String, ServedStore> of(List<ExposedStore> declared, TopologyDescription topology) {
        Map<String, ServedStore> served = new LinkedHashMap<>();
        for (ExposedStore store : declared) {
            Set<Integer> owners = topology.subtopologies().stream()
                    .filter(sub -> sub.nodes().stream().anyMatch(node ->
                            node instanceof TopologyDescription.Processor p && p.stores().contains(store.name())))
                    .map(TopologyDescription.Subtopology::id)
                    .collect(Collectors.toUnmodifiableSet());
            if (owners.isEmpty()) {
                throw new IllegalStateException("store '" + store.name() + "' is declared queryable but the topology "
                        + "materializes no store of that name: name it with Materialized.as(\"" + store.name() + "\")");
            }
            served.put(store.name(), new ServedStore(store, KeyFormat.of(store.keyType()), owners));
        }
        return Collections.unmodifiableMap(served); // declaration order, as GET /stores lists them
    }
}
