package io.meshwork.testkit.kafka;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.meshwork.testkit.kafka.KafkaTestClient.header;
import static io.meshwork.testkit.kafka.KafkaTestClient.valueAsString;
import static io.meshwork.testkit.kafka.KafkaTestClient.valuesAsStrings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedKafkaClusterIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private static EmbeddedKafkaCluster kafka;
    private static KafkaTestClient client;

    @BeforeAll
    static void startCluster() {
        kafka = EmbeddedKafkaCluster.start();
        client = kafka.newClient();
    }

    @AfterAll
    static void stopCluster() {
        client.close();
        kafka.close();
    }

    @Test
    void listensOnLoopbackOnly() {
        assertThat(kafka.bootstrapServers()).matches("127\\.0\\.0\\.1:\\d+");
        assertThat(kafka.brokerCount()).isEqualTo(1);
    }

    @Test
    void producedRecordIsConsumedWithKeyValueAndHeaders() {
        kafka.createTopic("round-trip", 1);

        client.produce("round-trip", "order-1", "{\"amount\":42}", header("source", "test"));

        List<ConsumerRecord<String, byte[]>> records = client.consumeUntil("round-trip", 1, TIMEOUT);
        assertThat(records).hasSize(1);
        ConsumerRecord<String, byte[]> record = records.get(0);
        assertThat(record.key()).isEqualTo("order-1");
        assertThat(valueAsString(record)).isEqualTo("{\"amount\":42}");
        assertThat(new String(record.headers().lastHeader("source").value(), StandardCharsets.UTF_8)).isEqualTo("test");
    }

    @Test
    void creatingAnExistingTopicIsNotAnError() throws Exception {
        kafka.createTopic("twice", 2);
        kafka.createTopic("twice", 2);
        kafka.createTopics(new NewTopic("twice", 5, (short) 1));

        TopicDescription description = kafka.admin().describeTopics(List.of("twice")).allTopicNames().get().get("twice");
        assertThat(description.partitions()).hasSize(2);
    }

    @Test
    void topicsAreNotAutoCreated() {
        assertThatThrownBy(() -> client.consumeUntil("never-created", 1, Duration.ofSeconds(2)))
            .isInstanceOf(AssertionError.class)
            .hasMessageContaining("Expected at least 1 record(s) on topic 'never-created'")
            .hasMessageContaining("but got 0");
        assertThat(kafka.admin().listTopics().names()).succeedsWithin(TIMEOUT)
            .satisfies(names -> assertThat(names).doesNotContain("never-created"));
    }

    @Test
    void consumeForReturnsExactlyWhatArrivedInTheWindow() {
        kafka.createTopic("counted", 3);
        for (int i = 0; i < 3; i++) {
            client.produceJson("counted", "k" + i, "{\"n\":" + i + "}");
        }

        assertThat(client.consumeFor("counted", Duration.ofSeconds(3))).hasSize(3);
    }

    @Test
    void consumeUntilFailureListsWhatArrived() {
        kafka.createTopic("short", 1);
        client.produce("short", "only", "one");

        assertThatThrownBy(() -> client.consumeUntil("short", 2, Duration.ofSeconds(3)))
            .isInstanceOf(AssertionError.class)
            .hasMessageContaining("but got 1: [0@0 only=one]");
    }

    @Test
    void committedTransactionsWorkOnASingleBroker() {
        kafka.createTopic("transactional", 1);
        Map<String, Object> config = Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
            ProducerConfig.TRANSACTIONAL_ID_CONFIG, "testkit-tx");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>("transactional", "k", "aborted"));
            producer.abortTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>("transactional", "k", "committed"));
            producer.commitTransaction();
        }

        assertThat(valuesAsStrings(client.consumeUntil("transactional", 1, TIMEOUT))).containsExactly("committed");
    }

    @Test
    void keptDataDirectorySurvivesRestart(@TempDir Path tmp) {
        Path dataDir = tmp.resolve("kafka");
        String clusterId;
        try (EmbeddedKafkaCluster first = EmbeddedKafkaCluster.builder().keepDataIn(dataDir).start();
             KafkaTestClient firstClient = first.newClient()) {
            clusterId = first.clusterId();
            first.createTopic("durable", 1);
            firstClient.produce("durable", "k", "before restart");
        }
        assertThat(dataDir.resolve(DataDirectory.STATE_FILE)).isRegularFile();

        try (EmbeddedKafkaCluster second = EmbeddedKafkaCluster.builder().keepDataIn(dataDir).start();
             KafkaTestClient secondClient = second.newClient()) {
            assertThat(second.clusterId()).isEqualTo(clusterId);
            assertThat(second.keepsData()).isTrue();
            second.createTopic("durable", 1);
            secondClient.produce("durable", "k", "after restart");

            assertThat(valuesAsStrings(secondClient.consumeUntil("durable", 2, TIMEOUT)))
                .containsExactly("before restart", "after restart");
        }
        assertThat(dataDir).isDirectory();
    }

    @Test
    void fixedPortIsUsedForTheClientListener() {
        int port = LoopbackPorts.allocate(1).get(0);
        try (EmbeddedKafkaCluster cluster = EmbeddedKafkaCluster.builder().port(port).start()) {
            assertThat(cluster.bootstrapServers()).isEqualTo("127.0.0.1:" + port);
            cluster.createTopic("on-fixed-port", 1);
        }
    }

    @Test
    void takenFixedPortFailsClearly() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> EmbeddedKafkaCluster.builder().port(taken.getLocalPort()).start())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Cannot start embedded Kafka cluster: port " + taken.getLocalPort() + " on 127.0.0.1 is in use");
        }
    }

    @Test
    void freshDataDirectoryIsDeletedOnClose() {
        Path dataDir;
        try (EmbeddedKafkaCluster cluster = EmbeddedKafkaCluster.start()) {
            dataDir = cluster.dataDirectory();
            assertThat(cluster.keepsData()).isFalse();
            assertThat(dataDir).isDirectory();
        }
        assertThat(dataDir).doesNotExist();
    }

    @Test
    void threeBrokerClusterReplicatesTopicsThreeTimes() throws Exception {
        try (EmbeddedKafkaCluster cluster = EmbeddedKafkaCluster.builder().brokers(3).start();
             KafkaTestClient threeClient = cluster.newClient()) {
            assertThat(cluster.bootstrapServers().split(",")).hasSize(3);
            cluster.createTopics(new NewTopic("replicated", Optional.of(2), Optional.empty()));

            TopicDescription description = cluster.admin().describeTopics(List.of("replicated")).allTopicNames().get().get("replicated");
            assertThat(description.partitions()).allSatisfy(p -> assertThat(p.replicas()).hasSize(3));

            threeClient.produce("replicated", "k", "v");
            assertThat(threeClient.consumeUntil("replicated", 1, TIMEOUT)).hasSize(1);
        }
    }
}
