package ${package};

import io.meshwork.core.json.Json;
import io.meshwork.core.traffic.SyntheticRecord;
import io.meshwork.core.traffic.SyntheticTraffic;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.node.ObjectNode;

/**
 * Synthetic input events for the product's first input, so {@code mesh up} has traffic to process. Invalid ones
 * break the contract (a negative quantity) or are not JSON at all. Its {@code main} sends valid ones to any broker.
 */
public final class ${className}Traffic implements SyntheticTraffic {

    @Override
    public String topic() {
        return ${className}Product.INPUTS.get(0);
    }

    @Override
    public SyntheticRecord next(RandomGenerator random, Instant now, boolean invalid) {
        String id = "evt-" + Long.toHexString(random.nextLong() & Long.MAX_VALUE);
        if (invalid && random.nextBoolean()) {
            return new SyntheticRecord(id, "{\"id\": not json".getBytes(StandardCharsets.UTF_8));
        }
        ObjectNode event = event(id, now, invalid ? -1 - random.nextInt(10) : random.nextInt(100));
        return new SyntheticRecord(id, Json.mapper().writeValueAsBytes(event));
    }

    /** An input event as JSON. */
    public static ObjectNode event(String id, Instant at, int quantity) {
        return Json.mapper().createObjectNode().put("id", id).put("timestamp", at.toString()).put("quantity", quantity);
    }

    /**
     * Sends {@code args[0]} (default 10) valid events to the first input on {@code KAFKA_BOOTSTRAP_SERVERS}, to try
     * the product by hand: {@code java -cp target/<artifact>.jar ${package}.${className}Traffic 10}. Creates the
     * product's input topics first where they are missing, as the systems that own them would have: a product
     * never creates its inputs, and does not start without them.
     */
    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092"));
        try (Admin admin = Admin.create(config)) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = ${className}Product.INPUTS.stream().filter(topic -> !existing.contains(topic))
                    .map(topic -> new NewTopic(topic, Optional.empty(), Optional.empty())).toList();
            admin.createTopics(missing).all().get();
        }
        ${className}Traffic traffic = new ${className}Traffic();
        Random random = new Random();
        try (KafkaProducer<String, byte[]> producer =
                     new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < count; i++) {
                SyntheticRecord record = traffic.next(random, Instant.now(), false);
                producer.send(new ProducerRecord<>(traffic.topic(), record.key(), record.value()));
            }
        }
        System.out.println("sent " + count + " events to " + traffic.topic());
    }
}
