package io.meshwork.core.runtime;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes the store directories without a single file that Kafka Streams leaves in its task directories, so that a
 * product stopped cleanly under {@code exactly_once_v2} reuses its state on the next start.
 *
 * <p>Why: since Kafka Streams 4.3 (KIP-1035) a store keeps its changelog offset itself, and a window or session store
 * keeps it in its segments. One that never held a record in a task (a window store keyed by region holds records in a
 * few of its partitions only) has no segment, so no offset survives the clean close, yet its empty directory makes the
 * task directory count as "not empty". On the next start exactly-once takes the task for one a crash left behind
 * ({@code TaskCorruptedException: ... did not find checkpoint offsets while stores are not empty}), wipes it and
 * rebalances once more. A directory without files holds no state: removing it loses nothing, and the store starts
 * from its changelog as it would have anyway, without the corruption path.
 */
final class EmptyStoreDirectories {

    private static final Logger LOG = LoggerFactory.getLogger(EmptyStoreDirectories.class);

    private EmptyStoreDirectories() {
    }

    /** The directory holding the task directories of the Kafka Streams application configured by {@code properties}. */
    static Path of(Properties properties) {
        Object stateDir = properties.getOrDefault(StreamsConfig.STATE_DIR_CONFIG,
                StreamsConfig.configDef().defaultValues().get(StreamsConfig.STATE_DIR_CONFIG));
        return Path.of(String.valueOf(stateDir), properties.getProperty(StreamsConfig.APPLICATION_ID_CONFIG));
    }

    /**
     * Deletes every directory below each task directory of {@code applicationDir} that holds no file, however deep.
     * Call it only while no Kafka Streams client uses the directory. Best effort: what cannot be deleted stays.
     */
    static void prune(Path applicationDir) {
        if (!Files.isDirectory(applicationDir)) {
            return;
        }
        try (Stream<Path> children = Files.list(applicationDir)) {
            for (Path taskDir : children.filter(Files::isDirectory).toList()) {
                pruneBelow(taskDir);
            }
        } catch (IOException e) {
            LOG.warn("Could not look for empty store directories in {}", applicationDir, e);
        }
    }

    private static void pruneBelow(Path taskDir) throws IOException {
        Files.walkFileTree(taskDir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failed) throws IOException {
                if (failed == null && !dir.equals(taskDir) && isEmpty(dir)) {
                    try {
                        Files.delete(dir);
                        LOG.debug("Removed empty store directory {}", dir);
                    } catch (DirectoryNotEmptyException raced) {
                        LOG.debug("Store directory {} is no longer empty; kept", dir);
                    }
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }
}
