package io.meshwork.core.runtime;

import io.meshwork.core.DataProduct;
import io.meshwork.core.contract.Contract;
import io.meshwork.core.contract.ContractException;
import io.meshwork.core.contract.ContractLocator;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Entry point of a data product's {@code main}: {@code Meshwork.run(new MyProduct())}; and, as {@link #main}, of a
 * product's runnable jar.
 */
public final class Meshwork {

    private Meshwork() {
    }

    /**
     * Main class of a product's runnable jar ({@code java -jar <name>.jar}): runs the one {@link DataProduct} the
     * classpath declares in {@code META-INF/services/io.meshwork.core.DataProduct}, as {@link #run} does. No product,
     * or more than one, stops with exit code 2.
     */
    public static void main(String[] args) {
        List<DataProduct> products = ServiceLoader.load(DataProduct.class).stream().map(ServiceLoader.Provider::get)
                .toList();
        if (products.size() != 1) {
            System.err.println("meshwork: a product's jar runs exactly one data product (META-INF/services/"
                    + DataProduct.class.getName() + "), found " + products.stream().map(DataProduct::name).toList());
            System.exit(2);
            return;
        }
        run(products.get(0));
    }

    /**
     * Loads the product's contract, starts it with the configuration in the environment (see
     * {@link ProductConfig#fromEnvironment}) and runs until SIGTERM, then shuts down gracefully. A malformed
     * contract or configuration, or a cluster that refuses the product's credentials, stops start-up with exit code 2
     * and the problems on standard error (one line when there is one reason).
     */
    public static void run(DataProduct product) {
        ProductRuntime runtime;
        try {
            Contract contract = ContractLocator.fromEnvironment().load(product.name());
            runtime = ProductRuntime.start(product, contract, ProductConfig.fromEnvironment(System.getenv()));
        } catch (ContractException | IllegalArgumentException | IllegalStateException e) {
            // One line for one reason (Kafka refused the credentials), the problems a line each for a contract.
            String problems = String.valueOf(e.getMessage());
            System.err.println("meshwork: " + product.name() + " cannot start:" + (problems.contains("\n") ? "\n" : " ") + problems);
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
