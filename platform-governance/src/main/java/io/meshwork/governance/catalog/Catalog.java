package io.meshwork.governance.catalog;

import io.meshwork.core.contract.Contract;
import io.meshwork.core.contract.ContractException;
import io.meshwork.core.contract.ContractLoader;
import io.meshwork.core.contract.ContractLocator;
import io.meshwork.core.contract.ContractProblem;
import io.meshwork.core.registry.Registration;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Every data product of a mesh, as its contracts declare it: who owns it, what it publishes and promises, what it
 * reads, and who reads it. The source of {@code mesh catalog}, {@code mesh lineage} and {@code mesh acl}.
 */
public final class Catalog {

    private final List<Contract> contracts;
    private final Optional<Path> contractsDir;

    private Catalog(List<Contract> contracts, Optional<Path> contractsDir) {
        this.contracts = contracts.stream().sorted(Comparator.comparing(c -> c.identity().qualifiedName())).toList();
        this.contractsDir = contractsDir;
    }

    /** A catalog of {@code contracts}. */
    public static Catalog of(List<Contract> contracts) {
        return new Catalog(contracts, Optional.empty());
    }

    /**
     * Loads every contract under {@code contractsDir} ({@code <domain>/<name>.yaml}).
     *
     * @throws ContractException listing the problems of every malformed contract
     */
    public static Catalog load(Path contractsDir) {
        List<Contract> contracts = new ArrayList<>();
        List<ContractProblem> problems = new ArrayList<>();
        for (Path file : new ContractLocator(contractsDir).all()) {
            try {
                contracts.add(ContractLoader.load(file));
            } catch (ContractException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new ContractException(problems);
        }
        return new Catalog(contracts, Optional.of(contractsDir));
    }

    /**
     * The catalog of what runs: every product registered on the mesh's {@code meshwork.contracts} topic, with the
     * contract it registered.
     *
     * @throws ContractException listing the problems of every registration that is not a valid contract
     */
    public static Catalog registered(Collection<Registration> registrations) {
        List<Contract> contracts = new ArrayList<>();
        List<ContractProblem> problems = new ArrayList<>();
        for (Registration registration : registrations) {
            try {
                contracts.add(registration.toContract());
            } catch (ContractException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new ContractException(problems);
        }
        return of(contracts);
    }

    /** The products, by {@code domain/name}. */
    public List<Contract> products() {
        return contracts;
    }

    /**
     * Where {@code product}'s contract is, as people read it: {@code contracts/<domain>/<name>.yaml} relative to the
     * contracts folder's parent when the catalog was loaded from a folder, else as loaded.
     */
    public String displayPath(Contract product) {
        Path source = product.source();
        return contractsDir.filter(dir -> dir.getFileName() != null)
                .map(dir -> dir.toAbsolutePath().normalize())
                .filter(dir -> source.toAbsolutePath().normalize().startsWith(dir))
                .map(dir -> dir.getFileName().resolve(dir.relativize(source.toAbsolutePath().normalize())))
                .orElse(source)
                .toString().replace('\\', '/');
    }

    /** The product publishing {@code topic}, if a product of this mesh does. */
    public Optional<Contract> producerOf(String topic) {
        return contracts.stream().filter(c -> c.outputTopic().equals(topic)).findFirst();
    }

    /** The products reading {@code product}'s output topic. */
    public List<Contract> consumersOf(Contract product) {
        return contracts.stream().filter(c -> c.ports().inputTopics().contains(product.outputTopic())).toList();
    }
}
