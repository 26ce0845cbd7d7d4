package io.meshwork.cli.contracts;

import io.meshwork.governance.lint.Policies;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds the {@code policies.yaml} that governs a contract: in its folder or the nearest folder above. */
public final class PoliciesLookup {

    private PoliciesLookup() {
    }

    /** The policies file governing {@code path} (a contract or a folder of them), if any. */
    public static Optional<Path> near(Path path) {
        Path start = Files.isDirectory(path) ? path : path.toAbsolutePath().getParent();
        for (Path dir = start == null ? null : start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(Policies.FILE_NAME);
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** {@code explicit} when given, else the file governing {@code path}, else the built-in defaults. */
    public static Policies load(Path explicit, Path path) {
        if (explicit != null) {
            return Policies.load(explicit);
        }
        return near(path).map(Policies::load).orElseGet(Policies::defaults);
    }
}
