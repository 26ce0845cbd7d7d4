package io.meshwork.cli.diff;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/** Earlier versions of contract files, read with the {@code git} command of the machine. */
final class GitHistory {

    /** {@code git} failed: not a repository, an unknown ref, no git at all. */
    static final class GitException extends Exception {

        private static final long serialVersionUID = 1L;

        GitException(String message) {
            super(message);
        }
    }

    private GitHistory() {
    }

    /** {@code file} as it was at {@code ref}; empty when it did not exist there. */
    static Optional<String> show(String ref, Path file) throws GitException {
        Path absolute = file.toAbsolutePath();
        if (!exists(ref, absolute)) {
            return Optional.empty();
        }
        return Optional.of(git(absolute.getParent(), "show", ref + ":./" + absolute.getFileName()));
    }

    /** The commits at or before {@code ref} that changed {@code file}, newest first. */
    static List<String> commitsTouching(String ref, Path file) throws GitException {
        Path absolute = file.toAbsolutePath();
        String log = git(absolute.getParent(), "log", "--format=%H", ref, "--", absolute.getFileName().toString());
        return log.lines().filter(line -> !line.isBlank()).toList();
    }

    /** The {@code *.yaml} files under {@code dir} at {@code ref}. */
    static List<Path> filesAt(String ref, Path dir) throws GitException {
        List<Path> files = new ArrayList<>();
        String tree = git(dir.toAbsolutePath(), "ls-tree", "-r", "--name-only", ref, "--", ".");
        tree.lines().filter(line -> line.endsWith(".yaml") || line.endsWith(".yml"))
                .forEach(line -> files.add(dir.resolve(line).normalize()));
        return files;
    }

    private static boolean exists(String ref, Path file) throws GitException {
        String listed = git(file.getParent(), "ls-tree", "--name-only", ref, "--", file.getFileName().toString());
        return !listed.isBlank();
    }

    private static String git(Path dir, String... args) throws GitException {
        List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).start();
            CompletableFuture<String> error = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
            String output = read(process.getInputStream());
            int exit = process.waitFor();
            if (exit != 0) {
                throw new GitException(String.join(" ", command) + " failed: " + error.get().strip());
            }
            return output;
        } catch (IOException e) {
            throw new GitException("cannot run git: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GitException("interrupted while running git");
        } catch (ExecutionException e) {
            throw new GitException("cannot read git's output: " + e.getCause().getMessage());
        }
    }

    private static String read(InputStream stream) {
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
