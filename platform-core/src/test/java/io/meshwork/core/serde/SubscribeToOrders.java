package io.meshwork.core.serde;

import io.meshwork.core.contract.Contract;
import io.meshwork.core.contract.ContractLocator;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;

/**
 * The example of docs/consumers.md: subscribe to the commerce/orders data product's output, every value checked
 * against its contract. Run it against {@code ./mesh up}:
 * {@code java -cp ... io.meshwork.core.serde.SubscribeToOrders localhost:9092}.
 */
public final class SubscribeToOrders {

    private SubscribeToOrders() {
    }

    public static void main(String[] args) {
        String bootstrapServers = args.length > 0 ? args[0] : "localhost:9092";
        Contract orders = ContractLocator.fromEnvironment().load("orders");
        try (KafkaConsumer<String, JsonNode> consumer = subscribe(bootstrapServers, "orders-printer", orders,
                violation -> System.err.println("skipped a record breaking the contract: " + violation.violations()))) {
            while (true) {
                for (ConsumerRecord<String, JsonNode> record : consumer.poll(Duration.ofSeconds(1))) {
                    if (record.value() != null) {
                        System.out.println(record.key() + " ordered " + record.value().get("totalAmount")
                                + " " + record.value().get("currency").asString());
                    }
                }
            }
        }
    }

    /**
     * A consumer of {@code product}'s output topic in group {@code group}: values arrive as JSON trees that match the
     * contract; those that do not reach {@code onViolation} and arrive as null.
     */
    public static KafkaConsumer<String, JsonNode> subscribe(String bootstrapServers, String group, Contract product,
                                                            ViolationHandler onViolation) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // Products may write with exactly_once_v2: read only committed records.
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        KafkaConsumer<String, JsonNode> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ContractDeserializer(product, onViolation));
        consumer.subscribe(List.of(product.outputTopic()));
        return consumer;
    }
}
