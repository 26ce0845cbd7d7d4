package io.meshwork.cli.up;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code mesh up} was asked for.
 *
 * @param dataDir             where broker data and product state are kept between runs
 * @param bootstrapServers    an existing cluster to use instead of the embedded broker
 * @param rate                synthetic records per second
 * @param invalidShare        share of synthetic records made invalid on purpose
 * @param kafkaPort           client port of the embedded broker when free (0: any)
 * @param basePort            query ports are numbered above this one, stable per product ({@link ProductPorts})
 * @param products            run only these products (all when empty)
 * @param processingGuarantee Kafka Streams processing guarantee for every product
 * @param processes           run every product as OS processes from its runnable jar, instead of in the mesh's JVM
 */
record UpOptions(Path dataDir, Optional<String> bootstrapServers, int kafkaPort, double rate, double invalidShare, int basePort,
                 List<String> products, String processingGuarantee, Optional<Processes> processes) {

    /** Every product in the mesh's own JVM. */
    UpOptions(Path dataDir, Optional<String> bootstrapServers, int kafkaPort, double rate, double invalidShare, int basePort,
              List<String> products, String processingGuarantee) {
        this(dataDir, bootstrapServers, kafkaPort, rate, invalidShare, basePort, products, processingGuarantee,
                Optional.empty());
    }

    /**
     * {@code --processes}: each product instance is {@code java -jar} of the product's runnable jar.
     *
     * @param jars      where the jars are ({@link ProductJars})
     * @param instances how many instances of a product to run, when not one
     */
    record Processes(Path jars, Map<String, Integer> instances) {

        Processes {
            instances.forEach((product, count) -> {
                if (count == null || count < 1) {
                    throw new IllegalArgumentException("--instances " + product + "=" + count + ": at least 1 instance");
                }
            });
            instances = Map.copyOf(instances);
        }

        int instancesOf(String product) {
            return instances.getOrDefault(product, 1);
        }
    }
}
