package io.meshwork.core.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.ProviderNotFoundException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds a product's contract by product name: {@code <contracts>/<domain>/<name>.yaml}. The contracts folder is
 * {@code MESHWORK_CONTRACTS_DIR} (or the system property {@code meshwork.contracts.dir}); else the contracts a
 * product's jar carries on the classpath under {@value #CLASSPATH_DIR} (so {@code java -jar} works from any
 * directory); else the nearest {@code contracts/} folder at or above the working directory.
 */
public final class ContractLocator {

    /** System property naming the contracts folder. */
    public static final String PROPERTY = "meshwork.contracts.dir";
    /** Environment variable naming the contracts folder. */
    public static final String ENV = "MESHWORK_CONTRACTS_DIR";
    /** Classpath folder of the contracts a product's jar carries: {@code <domain>/<name>.yaml} below it. */
    public static final String CLASSPATH_DIR = "meshwork/contracts";

    private final Path contractsDir;

    public ContractLocator(Path contractsDir) {
        this.contractsDir = contractsDir;
    }

    /**
     * The locator for this process: property, then environment, then the classpath's {@value #CLASSPATH_DIR}, then
     * the nearest contracts/ folder.
     */
    public static ContractLocator fromEnvironment() {
        String configured = Optional.ofNullable(System.getProperty(PROPERTY)).orElse(System.getenv(ENV));
        if (configured != null && !configured.isBlank()) {
            return new ContractLocator(Path.of(configured));
        }
        Optional<Path> packaged = onClasspath(ContractLocator.class.getClassLoader());
        if (packaged.isPresent()) {
            return new ContractLocator(packaged.get());
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("contracts"))) {
                return new ContractLocator(dir.resolve("contracts"));
            }
        }
        return new ContractLocator(Path.of("contracts"));
    }

    /**
     * The {@value #CLASSPATH_DIR} folder on {@code loader}'s classpath, as a path: a folder of the file system, or
     * one inside a jar (a zip file system, open for the rest of the process).
     */
    static Optional<Path> onClasspath(ClassLoader loader) {
        URL url = loader.getResource(CLASSPATH_DIR);
        if (url == null) {
            return Optional.empty();
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem jar;
                try {
                    jar = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    jar = FileSystems.getFileSystem(uri);
                }
                return Optional.of(jar.getPath(CLASSPATH_DIR));
            }
            return Optional.of(Path.of(uri));
        } catch (URISyntaxException | IOException | IllegalArgumentException | FileSystemNotFoundException
                 | ProviderNotFoundException e) {
            return Optional.empty();
        }
    }

    /** The contracts folder searched. */
    public Path contractsDir() {
        return contractsDir;
    }

    /**
     * Loads the contract of product {@code name}.
     *
     * @throws ContractException when there is no such contract, more than one, or it is malformed
     */
    public Contract load(String name) {
        List<Path> candidates = all().stream().filter(p -> p.getFileName().toString().equals(name + ".yaml")).toList();
        if (candidates.isEmpty()) {
            throw new ContractException(new ContractProblem(contractsDir.resolve("*").resolve(name + ".yaml"), 0, 0,
                    "contract-missing", "no contract for product '" + name + "' under " + where()
                    + " (set " + ENV + " to the contracts folder)"));
        }
        if (candidates.size() > 1) {
            throw new ContractException(new ContractProblem(candidates.get(1), 0, 0, "contract-duplicate",
                    "product '" + name + "' has more than one contract: " + candidates));
        }
        return ContractLoader.load(candidates.get(0));
    }

    /** The folder searched, for messages: a path, or for a folder inside a jar its {@code jar:} URI. */
    private String where() {
        return contractsDir.getFileSystem() == FileSystems.getDefault() ? contractsDir.toAbsolutePath().toString()
                : contractsDir.toUri().toString();
    }

    /** Every {@code <domain>/<name>.yaml} contract file, sorted. */
    public List<Path> all() {
        if (!Files.isDirectory(contractsDir)) {
            return List.of();
        }
        try (Stream<Path> domains = Files.list(contractsDir)) {
            return domains.filter(Files::isDirectory)
                    .flatMap(ContractLocator::yamlFiles)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stream<Path> yamlFiles(Path domainDir) {
        try (Stream<Path> files = Files.list(domainDir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".yaml")).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
