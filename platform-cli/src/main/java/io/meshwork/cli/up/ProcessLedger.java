package io.meshwork.cli.up;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code <data-dir>/processes}: the product processes a mesh started, a line each ({@code <pid> <jar>}). A mesh that
 * was killed ({@code kill -9}, a closed terminal) cannot stop its products, and they would go on holding their query
 * ports and state directories; the next {@code mesh up} on the same data directory stops them first.
 */
final class ProcessLedger {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessLedger.class);

    private final Path file;

    ProcessLedger(Path file) {
        this.file = file;
    }

    /** Kills the processes an earlier mesh recorded that still run that jar, and forgets them all. */
    void stopLeftovers() {
        for (String line : lines()) {
            String[] entry = line.split(" ", 2);
            if (entry.length < 2) {
                continue;
            }
            Optional<ProcessHandle> process = ProcessHandle.of(Long.parseLong(entry[0]));
            // A recycled pid belongs to someone else: only a process still running that jar is ours.
            process.filter(p -> p.info().commandLine().map(command -> command.contains(entry[1])).orElse(false))
                    .ifPresent(leftover -> {
                        LOG.warn("Stopping {} (pid {}), left running by a mesh that did not stop cleanly", entry[1],
                                leftover.pid());
                        leftover.destroyForcibly();
                        leftover.onExit().join();
                    });
        }
        clear();
    }

    /** Records a process this mesh started. */
    void record(long pid, Path jar) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, pid + " " + jar + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the product processes in " + file, e);
        }
    }

    /** Forgets every process: they were all stopped. */
    void clear() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("Cannot delete {}", file, e);
        }
    }

    private List<String> lines() {
        try {
            return Files.exists(file) ? Files.readAllLines(file) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
