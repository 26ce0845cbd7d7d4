package io.meshwork.benchmarks.e2e;

import io.meshwork.products.orders.Order;
import io.meshwork.products.orders.OrderPlaced;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The baseline: the orders transformation as anyone would write it in bare Kafka Streams ({@code readValue →
 * Order.from → writeValueAsBytes}), no contract, no metrics, no dead letters. Configured like a product, by
 * {@code KAFKA_BOOTSTRAP_SERVERS}, {@code KAFKA_APPLICATION_ID} and {@code KAFKA_PROCESSING_GUARANTEE}.
 */
public final class BareOrders {

    static final String OUTPUT = "bench.orders.bare";

    private BareOrders() {
    }

    public static void main(String[] args) throws InterruptedException {
        JsonMapper mapper = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("commerce.orders.placed", Consumed.with(Serdes.String(), Serdes.ByteArray()))
                .mapValues(bytes -> mapper.writeValueAsBytes(Order.from(mapper.readValue(bytes, OrderPlaced.class))))
                .to(OUTPUT, Produced.with(Serdes.String(), Serdes.ByteArray()));
        Properties p = new Properties();
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, System.getenv("KAFKA_BOOTSTRAP_SERVERS"));
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, System.getenv("KAFKA_APPLICATION_ID"));
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, System.getenv("KAFKA_PROCESSING_GUARANTEE"));
        p.put(StreamsConfig.STATE_DIR_CONFIG, System.getenv("MESHWORK_STATE_DIR"));
        KafkaStreams streams = new KafkaStreams(builder.build(), p);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            streams.close();
            stopped.countDown();
        }));
        streams.start();
        stopped.await();
    }
}
