package io.meshwork.testkit.kafka;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Utils;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Where an embedded cluster keeps its storage: a fresh temporary directory deleted on close, or a
 * kept directory whose formatted storage (and so topics and records) survives restarts.
 *
 * <p>A kept directory holds {@value #STATE_FILE}, written once the storage is formatted, with the
 * cluster id and broker count. Its presence is what says "already formatted: reuse, don't format".
 */
final class DataDirectory {

    static final String STATE_FILE = "meshwork-kafka.properties";
    private static final String CLUSTER_ID = "cluster.id";
    private static final String BROKERS = "brokers";

    private final Path path;
    private final boolean kept;
    private final String clusterId;
    private final boolean formatted;

    private DataDirectory(Path path, boolean kept, String clusterId, boolean formatted) {
        this.path = path;
        this.kept = kept;
        this.clusterId = clusterId;
        this.formatted = formatted;
    }

    /** A new temporary directory, to be deleted when the cluster closes. */
    static DataDirectory fresh() {
        try {
            Path dir = Files.createTempDirectory("meshwork-kafka-");
            return new DataDirectory(dir, false, Uuid.randomUuid().toString(), false);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary directory for Kafka", e);
        }
    }

    /**
     * A directory whose data outlives the cluster. If it already holds a cluster formatted by
     * this class, that cluster's id is reused and storage is not formatted again.
     *
     * @throws IllegalStateException if the directory holds a cluster with another broker count,
     *                               or holds files that are not an embedded cluster's
     */
    static DataDirectory kept(Path dir, int brokers) {
        Path path = dir.toAbsolutePath().normalize();
        Path stateFile = path.resolve(STATE_FILE);
        try {
            if (Files.isRegularFile(stateFile)) {
                Properties state = new Properties();
                try (InputStream in = Files.newInputStream(stateFile)) {
                    state.load(in);
                }
                int formattedBrokers = Integer.parseInt(state.getProperty(BROKERS, "1"));
                if (formattedBrokers != brokers) {
                    throw new IllegalStateException("Kafka data directory " + path + " holds a " + formattedBrokers
                        + "-broker cluster; cannot start it with " + brokers + " broker(s). Delete the directory to start afresh.");
                }
                return new DataDirectory(path, true, state.getProperty(CLUSTER_ID), true);
            }
            if (Files.isDirectory(path) && !isEmpty(path)) {
                throw new IllegalStateException("Refusing to use " + path + " as Kafka data directory: it is not empty and has no "
                    + STATE_FILE + ". Point to an empty or new directory.");
            }
            Files.createDirectories(path);
            return new DataDirectory(path, true, Uuid.randomUuid().toString(), false);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot use Kafka data directory " + path, e);
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    /** Records that storage in this directory is formatted, so the next start reuses it. */
    void markFormatted(int brokers) {
        if (!kept) {
            return;
        }
        Properties state = new Properties();
        state.setProperty(CLUSTER_ID, clusterId);
        state.setProperty(BROKERS, Integer.toString(brokers));
        try (OutputStream out = Files.newOutputStream(path.resolve(STATE_FILE))) {
            state.store(out, "Meshwork embedded Kafka cluster: storage is formatted, do not edit");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + path.resolve(STATE_FILE), e);
        }
    }

    /** Deletes a fresh directory; leaves a kept one alone. */
    void deleteIfFresh() {
        if (kept) {
            return;
        }
        try {
            Utils.delete(path.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + path, e);
        }
    }

    Path path() {
        return path;
    }

    boolean kept() {
        return kept;
    }

    String clusterId() {
        return clusterId;
    }

    boolean formatted() {
        return formatted;
    }
}
