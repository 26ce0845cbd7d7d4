package io.meshwork.core.runtime;

import io.meshwork.core.DataProduct;
import io.meshwork.core.contract.Contract;
import io.meshwork.core.contract.ContractException;
import io.meshwork.core.contract.ContractLocator;

/** Entry point of a data product's {@code main}: {@code Meshwork.run(new MyProduct())}. */
public final class Meshwork {

    private Meshwork() {
    }

    /**
     * Loads the product's contract, starts it with the configuration in the environment (see
     * {@link ProductConfig#fromEnvironment}) and runs until SIGTERM, then shuts down gracefully. A malformed
     * contract or configuration stops start-up with exit code 2 and the problems on standard error.
     */
    public static void run(DataProduct product) {
        ProductRuntime runtime;
        try {
            Contract contract = ContractLocator.fromEnvironment().load(product.name());
            runtime = ProductRuntime.start(product, contract, ProductConfig.fromEnvironment(System.getenv()));
        } catch (ContractException | IllegalArgumentException | IllegalStateException e) {
            System.err.println("meshwork: " + product.name() + " cannot start:\n" + e.getMessage());
            System.exit(2);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(runtime::close, product.name() + "-shutdown"));
        try {
            runtime.awaitTermination();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            runtime.close();
        }
    }
}
