package io.meshwork.cli.up;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where {@code mesh up --processes} finds a product's runnable jar under {@code --jars}: {@code <name>/target/<name>.jar}
 * (this repository's {@code data-products} layout, what the {@code mesh} launcher passes) or {@code <name>.jar} (a
 * folder of released jars).
 */
record ProductJars(Path dir) {

    /**
     * The runnable jar of {@code product}.
     *
     * @throws IllegalStateException if there is none, naming where it looked and how to build one
     */
    Path of(String product) {
        List<Path> candidates = List.of(dir.resolve(product).resolve("target").resolve(product + ".jar"),
                dir.resolve(product + ".jar"));
        return candidates.stream().filter(Files::isRegularFile).findFirst().orElseThrow(() -> new IllegalStateException(
                "no runnable jar of " + product + ": looked for " + candidates + "; build it with "
                        + "./mvnw -q package -DskipTests -pl data-products/" + product + " -am"));
    }
}
