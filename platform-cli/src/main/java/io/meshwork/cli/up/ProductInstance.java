package io.meshwork.cli.up;

import io.meshwork.core.contract.Contract;
import java.util.List;

/**
 * One running instance of a data product in the local mesh: inside the mesh's JVM ({@link InProcessInstance}) or as
 * an OS process of its own, started from the product's runnable jar ({@link ProcessInstance}).
 */
interface ProductInstance extends AutoCloseable {

    /** The product's name, and for the second and later instance of a product its number: {@code realtime-revenue@2}. */
    String label();

    Contract contract();

    /** Where its query port answers. */
    String url();

    /** The stores it serves under {@code <url>/stores/<store>}. */
    List<String> stores();

    /** What it has done so far. */
    Flow flow();

    /** Stops it, letting it commit its work. */
    @Override
    void close();

    /**
     * Records an instance has published and sent to the dead-letter topic.
     *
     * @param out          records published on the output topic
     * @param deadLettered records sent to the dead-letter topic
     */
    record Flow(long out, long deadLettered) {
    }

    /** The label of instance {@code number} (from 1) of {@code product}: the first carries the product's name alone. */
    static String label(String product, int number) {
        return number == 1 ? product : product + "@" + number;
    }
}
