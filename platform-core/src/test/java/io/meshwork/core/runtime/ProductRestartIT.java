package io.meshwork.core.runtime;

import static io.meshwork.core.runtime.SalesPerMinuteProduct.OUTPUT;
import static io.meshwork.core.runtime.SalesPerMinuteProduct.SALES;
import static io.meshwork.core.runtime.SalesPerMinuteProduct.STORE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.meshwork.testkit.junit.KafkaClusterExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stateful product under exactly-once, stopped and started again on the same state directory and broker, as
 * {@code mesh up} does across restarts.
 */
class ProductRestartIT {

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = KafkaClusterExtension.singleBroker();

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    /**
     * A recent minute, not the article's: the published counts carry it as their timestamp, and the broker's
     * retention check (30 s after it starts, then every 5 min) deletes records older than the topic's retention
     * (7 days by default) however new their offsets, which took records from under a test that ran past it.
     */
    private static final Instant MINUTE = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(5));
    /** Two regions: at most two of the store's six partitions ever hold a record. */
    private static final List<String> REGIONS = List.of("zurich", "geneva");
    private static final int SALES_PER_REGION = 3;

    @TempDir
    Path stateDir;

    @BeforeAll
    static void createInput() {
        KAFKA.createTopic(SALES, 6);
    }

    @Test
    void aCleanlyStoppedProductReusesItsStateInsteadOfWipingItAsCorrupted() {
        try (ProductRuntime first = start()) {
            int published = published();
            for (int i = 0; i < SALES_PER_REGION; i++) {
                REGIONS.forEach(region -> sell(region));
            }
            KAFKA.client().consumeUntil(OUTPUT, published + REGIONS.size() * SALES_PER_REGION, PATIENCE);
        }

        try (CapturedLog kafkaStreams = CapturedLog.of("org.apache.kafka.streams");
             ProductRuntime restarted = start()) {
            // The store answers from the local state it was stopped with, and the product carries on from there.
            await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> REGIONS.forEach(region ->
                    assertThat(salesIn(restarted, region)).as(region).isEqualTo(SALES_PER_REGION)));
            int published = published();
            REGIONS.forEach(region -> sell(region));
            KAFKA.client().consumeUntil(OUTPUT, published + REGIONS.size(), PATIENCE);
            // Every task was initialised before it processed: none was found without its changelog offset.
            assertThat(kafkaStreams.messages()).as("Kafka Streams' log on restart")
                    .filteredOn(message -> message.toLowerCase().contains("corrupt"))
                    .isEmpty();
        }
    }

    @Test
    void aProductRestartedWhileATransactionOnItsInputIsStillOpenRunsAndPublishesAgain() {
        try (ProductRuntime first = start()) {
            int published = published();
            sell("basel");
            KAFKA.client().consumeUntil(OUTPUT, published + 1, PATIENCE);
        }
        // What a killed instance leaves behind: its transaction open, with the group's offsets for every input
        // partition in it and output written, never committed nor aborted. The broker aborts it after its timeout.
        leaveTransactionOpen();

        try (ProductRuntime restarted = start()) {
            int published = published();
            sell("basel");
            KAFKA.client().consumeUntil(OUTPUT, published + 1, PATIENCE);
            assertThat(restarted.state()).isEqualTo(KafkaStreams.State.RUNNING);
        }
    }

    private void leaveTransactionOpen() {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "killed-instance-" + UUID.randomUUID(),
                ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 10_000);
        KafkaProducer<String, String> killed = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
        killed.initTransactions();
        killed.beginTransaction();
        killed.send(new ProducerRecord<>(OUTPUT, "basel", "{}"));
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (int partition = 0; partition < 6; partition++) {
            offsets.put(new TopicPartition(SALES, partition), new OffsetAndMetadata(0));
        }
        killed.sendOffsetsToTransaction(offsets, new ConsumerGroupMetadata(new SalesPerMinuteProduct().name()));
        killed.flush();
        killed.close(Duration.ZERO); // no abort: the transaction stays open on the broker
    }

    private ProductRuntime start() {
        ProductRuntime product = ProductRuntime.start(new SalesPerMinuteProduct(), SalesPerMinuteProduct.contract(),
                ProductConfig.of(KAFKA.bootstrapServers())
                        .withHttpPort(0)
                        .withStateDir(stateDir)
                        .withKafka("processing.guarantee", "exactly_once_v2")
                        .withKafka("commit.interval.ms", 100));
        await().atMost(PATIENCE).until(() -> product.state() == KafkaStreams.State.RUNNING);
        return product;
    }

    /** The records on the output topic so far (both tests publish there). */
    private static int published() {
        return KAFKA.client().consumeFor(OUTPUT, Duration.ofSeconds(2)).size();
    }

    private static void sell(String region) {
        KAFKA.client().produceJson(SALES, "customer-" + region, "{\"region\":\"" + region + "\",\"at\":\"" + MINUTE + "\"}");
    }

    private static long salesIn(ProductRuntime product, String region) {
        ReadOnlyWindowStore<String, Long> store = product.streams().store(
                StoreQueryParameters.fromNameAndType(STORE, QueryableStoreTypes.windowStore()));
        try (WindowStoreIterator<Long> minutes = store.fetch(region, MINUTE, MINUTE)) {
            return minutes.hasNext() ? minutes.next().value : 0;
        }
    }
}
