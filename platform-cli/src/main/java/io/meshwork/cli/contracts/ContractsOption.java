package io.meshwork.cli.contracts;

import io.meshwork.core.contract.ContractException;
import io.meshwork.core.contract.ContractLocator;
import io.meshwork.governance.catalog.Catalog;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The {@code --contracts} option of the governance commands: the folder of {@code <domain>/<name>.yaml} contracts. */
public final class ContractsOption {

    @Option(names = "--contracts", paramLabel = "DIR",
            description = "Contracts folder (default: MESHWORK_CONTRACTS_DIR, else the nearest contracts/ folder).")
    Path dir;

    /** The folder given, else the one the runtime would use. */
    public Path dir() {
        return dir != null ? dir : ContractLocator.fromEnvironment().contractsDir();
    }

    /** The catalog of the contracts folder, or empty after printing every malformed contract's problems to {@code err}. */
    public Optional<Catalog> load(PrintWriter err) {
        try {
            return Optional.of(Catalog.load(dir()));
        } catch (ContractException e) {
            err.println(e.getMessage());
            return Optional.empty();
        }
    }
}
