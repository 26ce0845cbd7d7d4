package io.meshwork.core.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds a product's contract by product name: {@code <contracts>/<domain>/<name>.yaml}. The contracts folder is
 * {@code MESHWORK_CONTRACTS_DIR} (or the system property {@code meshwork.contracts.dir}), else the nearest
 * {@code contracts/} folder at or above the working directory.
 */
public final class ContractLocator {

    /** System property naming the contracts folder. */
    public static final String PROPERTY = "meshwork.contracts.dir";
    /** Environment variable naming the contracts folder. */
    public static final String ENV = "MESHWORK_CONTRACTS_DIR";

    private final Path contractsDir;

    public ContractLocator(Path contractsDir) {
        this.contractsDir = contractsDir;
    }

    /** The locator for this process: property, then environment, then the nearest contracts/ folder. */
    public static ContractLocator fromEnvironment() {
        String configured = Optional.ofNullable(System.getProperty(PROPERTY)).orElse(System.getenv(ENV));
        if (configured != null && !configured.isBlank()) {
            return new ContractLocator(Path.of(configured));
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("contracts"))) {
                return new ContractLocator(dir.resolve("contracts"));
            }
        }
        return new ContractLocator(Path.of("contracts"));
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
                    "contract-missing", "no contract for product '" + name + "' under " + contractsDir.toAbsolutePath()
                    + " (set " + ENV + " to the contracts folder)"));
        }
        if (candidates.size() > 1) {
            throw new ContractException(new ContractProblem(candidates.get(1), 0, 0, "contract-duplicate",
                    "product '" + name + "' has more than one contract: " + candidates));
        }
        return ContractLoader.load(candidates.get(0));
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
