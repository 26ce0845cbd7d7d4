package io.meshwork.core.runtime;

import io.meshwork.core.contract.Contract;
import io.meshwork.core.metrics.OutputWatermark;
import io.meshwork.core.registry.ContractRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/** The product's admin connection to its cluster: creates its own topics, answers whether its inputs exist. */
final class ProductTopics implements AutoCloseable {

    private final Contract contract;
    private final Admin admin;
    private final TopicProvisioner provisioner;

    private ProductTopics(Contract contract, Admin admin) {
        this.contract = contract;
        this.admin = admin;
        this.provisioner = new TopicProvisioner(admin);
    }

    /**
     * Connects and, when {@code config} allows it, creates the product's output, dead-letter and lineage topics, and the
     * mesh's contract registry.
     *
     * @throws IllegalStateException with a one-line message if Kafka refuses the product's credentials or TLS: the
     *                               first admin call is the first to meet them, and nothing else should start then
     */
    static ProductTopics open(Contract contract, ProductConfig config) {
        Admin admin = KafkaAccess.connect(adminSettings(config), config.bootstrapServers());
        try {
            KafkaAccess.verify(admin, config.kafka(), config.bootstrapServers());
        } catch (RuntimeException e) {
            admin.close(Duration.ZERO);
            throw e;
        }
        ProductTopics topics = new ProductTopics(contract, admin);
        if (config.createTopics()) {
            List<NewTopic> owned = new ArrayList<>(TopicProvisioner.topicsOf(contract));
            config.lineage().kafkaTopic().ifPresent(owned::add);
            owned.add(ContractRegistry.topic());
            topics.provisioner.ensure(owned);
        }
        return topics;
    }

    /** Event time of the newest record on the output topic, to seed freshness after a restart. */
    Optional<Instant> newestOutput() {
        return OutputWatermark.newest(admin, contract.outputTopic());
    }

    /** Whether every declared input topic exists. */
    boolean inputsExist() {
        return provisioner.allExist(contract.ports().inputTopics());
    }

    Admin admin() {
        return admin;
    }

    private static Properties adminSettings(ProductConfig config) {
        Properties p = new Properties();
        config.kafka().forEach((k, v) -> {
            if (AdminClientConfig.configNames().contains(k)) {
                p.put(k, v);
            }
        });
        return p;
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
