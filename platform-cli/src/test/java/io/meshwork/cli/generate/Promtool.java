package io.meshwork.cli.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real {@code promtool} (Debian package {@code prometheus}, installed by {@code scripts/install-test-tools.sh}).
 *
 * @param exit   its exit code
 * @param output standard output and error
 */
record Promtool(int exit, String output) {

    static final Path BINARY = Path.of("/usr/bin/promtool");

    /**
     * Runs {@code promtool args...} in {@code dir}.
     *
     * @throws AssertionError if promtool is missing or does not finish within a minute
     */
    static Promtool run(Path dir, String... args) {
        if (!Files.isExecutable(BINARY)) {
            throw new AssertionError(BINARY + " is missing: run scripts/install-test-tools.sh (it installs the "
                    + "Debian package prometheus, which has promtool)");
        }
        List<String> command = new ArrayList<>(List.of(BINARY.toString()));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(1, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("promtool " + args[0] + " did not finish within a minute");
            }
            return new Promtool(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
