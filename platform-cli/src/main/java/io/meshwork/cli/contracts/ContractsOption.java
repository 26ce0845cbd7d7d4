package io.meshwork.cli.contracts;

import io.meshwork.core.contract.ContractLocator;
import java.nio.file.Path;
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
}
