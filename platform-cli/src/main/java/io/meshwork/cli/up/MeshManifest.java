package io.meshwork.cli.up;

import io.meshwork.core.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;

/**
 * {@code .mesh/up.json}: how scripts and other tools find the running mesh.
 *
 * @param bootstrapServers the Kafka cluster
 * @param portalUrl        the mesh portal's page
 * @param startedAt        when {@code mesh up} started
 * @param developmentToken bearer token for the products' store queries ({@code Authorization: Bearer ...})
 * @param tokenExpiresAt   when that token expires
 * @param products         one entry per running product
 */
record MeshManifest(String bootstrapServers, String portalUrl, Instant startedAt, String developmentToken, Instant tokenExpiresAt,
                    List<Product> products) {

    /**
     * A running product.
     *
     * @param name        product name
     * @param domain      its domain
     * @param url         its query port
     * @param outputTopic the topic it publishes
     * @param deadLetterTopic where its rejected records go
     * @param stores      stores served under {@code <url>/stores/<store>}
     */
    record Product(String name, String domain, String url, String outputTopic, String deadLetterTopic,
                   List<String> stores) {
    }

    /** Writes the manifest atomically, so a reader never sees half a file. */
    void writeTo(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(temp, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(this));
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
