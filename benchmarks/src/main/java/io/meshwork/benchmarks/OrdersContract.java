package io.meshwork.benchmarks;

import io.meshwork.core.contract.Contract;
import io.meshwork.core.contract.ContractLoader;
import io.meshwork.core.contract.ContractLocator;

/**
 * The orders contract, {@code contracts/commerce/orders.yaml}: found through {@code -Dmeshwork.contracts.dir}
 * (or {@code MESHWORK_CONTRACTS_DIR}), else in the nearest {@code contracts/} folder above the working directory.
 */
final class OrdersContract {

    private OrdersContract() {
    }

    static Contract load() {
        return ContractLoader.load(ContractLocator.fromEnvironment().contractsDir().resolve("commerce").resolve("orders.yaml"));
    }
}
