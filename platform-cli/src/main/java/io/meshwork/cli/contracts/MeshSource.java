package io.meshwork.cli.contracts;

import io.meshwork.core.contract.ContractException;
import io.meshwork.core.registry.ContractRegistry;
import io.meshwork.governance.catalog.Catalog;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.KafkaException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Where {@code mesh catalog} and {@code mesh lineage} read the mesh from: the contracts folder ({@code --contracts}),
 * or, with {@code --bootstrap-servers}, the contracts the running products registered on {@value ContractRegistry#TOPIC}.
 */
public final class MeshSource {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Mixin
    ContractsOption contracts;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT",
            description = "Read what runs: the contracts products registered on " + ContractRegistry.TOPIC
                    + " in this Kafka cluster, instead of the contracts folder.")
    String bootstrapServers;

    /** The catalog, or empty after printing why there is none to {@code err}. */
    public Optional<Catalog> load(PrintWriter err) {
        if (bootstrapServers == null) {
            return contracts.load(err);
        }
        try {
            return Optional.of(Catalog.registered(registry(bootstrapServers).read(PATIENCE).values()));
        } catch (KafkaException e) {
            err.println("cannot read " + ContractRegistry.TOPIC + " at " + bootstrapServers + ": " + e.getMessage());
        } catch (ContractException e) {
            err.println(e.getMessage());
        }
        return Optional.empty();
    }

    /** The registry of the cluster at {@code bootstrapServers}. */
    public static ContractRegistry registry(String bootstrapServers) {
        return new ContractRegistry(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }
}
