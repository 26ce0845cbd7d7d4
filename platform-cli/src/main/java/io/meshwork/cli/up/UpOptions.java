package io.meshwork.cli.up;

import java.nio.file.Path;
import java.util.List;
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
 */
record UpOptions(Path dataDir, Optional<String> bootstrapServers, int kafkaPort, double rate, double invalidShare, int basePort,
                 List<String> products, String processingGuarantee) {
}
