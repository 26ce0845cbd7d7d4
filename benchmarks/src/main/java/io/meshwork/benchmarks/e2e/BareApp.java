package io.meshwork.benchmarks.e2e;

import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import io.meshwork.core.runtime.ProductConfig;

/** Runs a bare Kafka Streams topology configured like a product, by the same environment, until SIGTERM. */
final class BareApp {

    private BareApp() {
    }

    /**
     * The Kafka settings of a product's environment ({@code KAFKA_BOOTSTRAP_SERVERS}, {@code KAFKA_APPLICATION_ID},
     * {@code KAFKA_PROCESSING_GUARANTEE}, and any other {@code KAFKA_*} the harness passes), plus the state directory.
     */
    static Properties properties() {
        Properties p = new Properties();
        p.putAll(ProductConfig.kafkaSettings(System.getenv()));
        p.put(StreamsConfig.STATE_DIR_CONFIG, System.getenv("MESHWORK_STATE_DIR"));
        return p;
    }

    static KafkaStreams start(StreamsBuilder builder) {
        KafkaStreams streams = new KafkaStreams(builder.build(), properties());
        streams.start();
        return streams;
    }

    static void run(StreamsBuilder builder) throws InterruptedException {
        KafkaStreams streams = start(builder);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            streams.close();
            stopped.countDown();
        }));
        stopped.await();
    }
}
