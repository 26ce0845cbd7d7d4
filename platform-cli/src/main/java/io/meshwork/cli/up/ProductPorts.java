package io.meshwork.cli.up;

import io.meshwork.core.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;

/**
 * Each product's query port in the local mesh, stable across restarts and new products: the offset of a product's
 * port above the base port is kept in {@code <data-dir>/ports.json}. A fresh data directory numbers the products in
 * name order (customer-360 8081, high-volume-alerts 8082, orders 8083, realtime-revenue 8084); a product seen for the
 * first time later gets the next offset, so adding one never moves the others.
 */
final class ProductPorts {

    private static final TypeReference<Map<String, Integer>> OFFSETS = new TypeReference<>() {
    };

    private ProductPorts() {
    }

    /** The port of each of {@code products} above {@code basePort}, recording new ones in {@code file}. */
    static Map<String, Integer> assign(Path file, int basePort, Collection<String> products) {
        Map<String, Integer> offsets = read(file);
        int next = offsets.values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
        boolean added = false;
        for (String product : new TreeSet<>(products)) {
            if (!offsets.containsKey(product)) {
                offsets.put(product, next++);
                added = true;
            }
        }
        if (added) {
            write(file, offsets);
        }
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (String product : products) {
            ports.put(product, basePort + offsets.get(product));
        }
        return ports;
    }

    private static Map<String, Integer> read(Path file) {
        if (!Files.exists(file)) {
            return new TreeMap<>();
        }
        try {
            return new TreeMap<>(Json.mapper().readValue(file.toFile(), OFFSETS));
        } catch (JacksonException e) {
            throw new IllegalStateException(file + " is not a map of product names to port offsets: "
                    + e.getOriginalMessage() + "; delete it to number the products afresh", e);
        }
    }

    private static void write(Path file, Map<String, Integer> offsets) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(offsets) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the products' query ports in " + file, e);
        }
    }
}
