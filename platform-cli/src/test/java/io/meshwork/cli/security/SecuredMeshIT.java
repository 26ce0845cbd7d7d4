package io.meshwork.cli.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import io.meshwork.core.contract.Contract;
import io.meshwork.core.contract.ContractLocator;
import io.meshwork.core.lineage.LineageConfig;
import io.meshwork.core.metrics.InputLag;
import io.meshwork.core.runtime.ProductConfig;
import io.meshwork.core.runtime.ProductRuntime;
import io.meshwork.core.runtime.TopicProvisioner;
import io.meshwork.core.traffic.SyntheticRecord;
import io.meshwork.governance.access.AccessPolicy;
import io.meshwork.governance.catalog.Catalog;
import io.meshwork.products.orders.OrderTraffic;
import io.meshwork.products.orders.OrdersProduct;
import io.meshwork.testkit.kafka.EmbeddedKafkaCluster;
import io.meshwork.testkit.kafka.KafkaTestClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Materialized;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The article's Kafka security end to end: a broker on SASL_SSL with SCRAM-SHA-512 and ACLs enforced, one SCRAM user
 * per product, the ACLs {@code mesh acl} derives from the contracts applied with {@code Admin.createAcls}, and the
 * real orders product running as its own user with its credentials from {@code KAFKA_*} settings.
 */
class SecuredMeshIT {

    private static final String LINEAGE_TOPIC = LineageConfig.DEFAULT_TOPIC;
    private static final Duration WITHIN = Duration.ofSeconds(60);

    @TempDir
    static Path stateDir;

    private static EmbeddedKafkaCluster kafka;
    private static Contract orders;
    private static Contract revenue;
    private static String ordersUser;
    private static String ordersPassword;
    private static ProductRuntime product;
    private static final ListAppender<ILoggingEvent> LOGS = new ListAppender<>();

    @BeforeAll
    static void startSecuredMesh() throws Exception {
        kafka = EmbeddedKafkaCluster.builder().secured().start();
        ContractLocator contracts = ContractLocator.fromEnvironment();
        List<Contract> all = Catalog.load(contracts.contractsDir()).products();
        orders = contracts.load("orders");
        revenue = contracts.load("realtime-revenue");
        List<NewTopic> topics = new ArrayList<>(TopicProvisioner.topicsOf(all));
        topics.add(new NewTopic(LINEAGE_TOPIC, Optional.of(1), Optional.empty()));
        new TopicProvisioner(kafka.admin()).ensure(topics);

        ordersUser = AccessPolicy.userOf(orders);
        ordersPassword = kafka.addUser(ordersUser);
        kafka.addUser(AccessPolicy.userOf(revenue));
        List<AclBinding> acls = new ArrayList<>(AccessPolicy.forProduct(orders));
        acls.addAll(AccessPolicy.forProduct(revenue));
        acls.addAll(AccessPolicy.forLineageEvents(orders, LINEAGE_TOPIC));
        kafka.admin().createAcls(acls).all().get(30, TimeUnit.SECONDS);

        // Every log line of the start, Kafka's own client config dumps included, is kept to look for secrets in.
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Logger kafkaClients = (Logger) LoggerFactory.getLogger("org.apache.kafka");
        Level kafkaLevel = kafkaClients.getLevel();
        LOGS.start();
        root.addAppender(LOGS);
        kafkaClients.setLevel(Level.INFO);
        try {
            product = ProductRuntime.start(new OrdersProduct(), orders, config(kafka.clientSettings(ordersUser))
                    .withLineage(LineageConfig.kafka(LINEAGE_TOPIC).withInterval(Duration.ofSeconds(1))));
            await().atMost(WITHIN).until(() -> product.state() == KafkaStreams.State.RUNNING);
        } finally {
            kafkaClients.setLevel(kafkaLevel);
        }
    }

    @AfterAll
    static void stop() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.detachAppender(LOGS);
        if (product != null) {
            product.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void ordersRunsAsItsOwnUserUnderTheDerivedAclsAndPublishes() {
        Random random = new Random(11);
        OrderTraffic traffic = new OrderTraffic();
        Instant now = Instant.now().minus(Duration.ofMinutes(5));
        try (KafkaTestClient admin = kafka.newClient()) {
            for (int i = 0; i < 5; i++) {
                SyntheticRecord record = traffic.next(random, now.plusSeconds(i), false);
                admin.produce(OrdersProduct.ORDERS_PLACED, record.key(), record.value());
            }
            SyntheticRecord invalid = traffic.next(random, now, true);
            admin.produce(OrdersProduct.ORDERS_PLACED, invalid.key(), invalid.value());

            assertThat(admin.consumeUntil(orders.outputTopic(), 5, WITHIN)).hasSizeGreaterThanOrEqualTo(5);
            assertThat(admin.consumeUntil(orders.ports().deadLetter(), 1, WITHIN)).isNotEmpty();
            // The OpenLineage Kafka transport logs in with the product's credentials too.
            assertThat(admin.consumeUntil(LINEAGE_TOPIC, 1, WITHIN)).isNotEmpty();
        }
        // ... and so does the input-lag admin: the lag is measured, not NaN.
        await().atMost(WITHIN).untilAsserted(() -> assertThat(product.registry().get(InputLag.RECORDS)
                .tag("topic", OrdersProduct.ORDERS_PLACED).gauge().value()).isNotNaN());
    }

    @Test
    void theOrdersUserWritesItsOwnTopicsButNeitherAnotherProductsTopicNorItsGroup() {
        try (KafkaTestClient asOrders = kafka.newClient(ordersUser)) {
            asOrders.produce(orders.ports().deadLetter(), "acl-check", "{}");
            assertThatThrownBy(() -> asOrders.produce(revenue.outputTopic(), "acl-check", "{}"))
                    .hasRootCauseInstanceOf(TopicAuthorizationException.class);
        }
        Map<String, Object> consumer = new HashMap<>(kafka.clientSettings(ordersUser));
        consumer.put(ConsumerConfig.GROUP_ID_CONFIG, revenue.name());
        try (KafkaConsumer<String, String> asRevenueGroup = new KafkaConsumer<>(consumer, new StringDeserializer(),
                new StringDeserializer())) {
            asRevenueGroup.subscribe(List.of(OrdersProduct.ORDERS_PLACED));
            assertThatThrownBy(() -> {
                long deadline = System.nanoTime() + WITHIN.toNanos();
                while (System.nanoTime() < deadline) {
                    asRevenueGroup.poll(Duration.ofMillis(200));
                }
            }).isInstanceOf(GroupAuthorizationException.class);
        }
    }

    @Test
    void aStatefulStreamsApplicationUnderTheOrdersApplicationIdKeepsItsStateInItsOwnInternalTopics() throws Exception {
        // The orders product is stateless, so a stateful application with an id under its prefix shows that the
        // derived ACLs cover Kafka Streams' repartition and changelog topics, group and transactional ids.
        String applicationId = orders.name() + "-acl-check";
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(OrdersProduct.ORDERS_PLACED, Consumed.with(Serdes.String(), Serdes.String()))
                .groupBy((key, value) -> "all", Grouped.with(Serdes.String(), Serdes.String()))
                .count(Materialized.as("orders-seen"));
        Properties properties = new Properties();
        properties.putAll(kafka.clientSettings(ordersUser));
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.resolve(applicationId).toString());
        properties.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        try (KafkaStreams streams = new KafkaStreams(builder.build(), properties)) {
            streams.start();
            try (KafkaTestClient admin = kafka.newClient()) {
                admin.produce(OrdersProduct.ORDERS_PLACED, "acl-check", "{}");
            }
            await().atMost(WITHIN).until(() -> streams.state() == KafkaStreams.State.RUNNING);
            await().atMost(WITHIN).until(() -> kafka.admin().listTopics().names().get(10, TimeUnit.SECONDS).containsAll(List.of(
                    applicationId + "-orders-seen-changelog", applicationId + "-orders-seen-repartition")));
            await().atMost(WITHIN).untilAsserted(() -> assertThat(streams.metadataForLocalThreads()).isNotEmpty());
            assertThat(streams.state()).isEqualTo(KafkaStreams.State.RUNNING);
        }
    }

    @Test
    void aWrongPasswordStopsTheProductAtOnceWithOneLine() {
        long started = System.nanoTime();
        assertThatThrownBy(() -> ProductRuntime.start(new OrdersProduct(), orders,
                config(kafka.clientSettings(ordersUser, "not-the-password"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Kafka refused the credentials of user '" + ordersUser + "' (SASL authentication failed) at "
                        + kafka.bootstrapServers());
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void aWrongPasswordExitsMeshworkRunWithCode2AndOneLineOnStandardError() throws Exception {
        Map<String, String> env = new HashMap<>();
        kafka.clientSettings(ordersUser, "not-the-password").forEach((setting, value) ->
                env.put("KAFKA_" + setting.toUpperCase(Locale.ROOT).replace('.', '_'), value.toString()));
        // No MESHWORK_CONTRACTS_DIR: the orders artifact on the classpath carries its contract, as a deployed jar does.
        env.put("MESHWORK_HTTP_HOST", "127.0.0.1");
        env.put("MESHWORK_HTTP_PORT", "0");
        env.put("MESHWORK_STATE_DIR", stateDir.resolve("process").toString());
        Path out = stateDir.resolve("process.out");
        Path err = stateDir.resolve("process.err");
        ProcessBuilder java = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), OrdersProduct.class.getName())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        java.environment().putAll(env);
        Process process = java.start();
        try {
            assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("exited within 90 s; see " + out).isTrue();
            assertThat(process.exitValue()).isEqualTo(2);
            assertThat(Files.readAllLines(err).stream().filter(line -> !line.isBlank()).toList()).containsExactly(
                    "meshwork: orders cannot start: Kafka refused the credentials of user '" + ordersUser
                            + "' (SASL authentication failed) at " + kafka.bootstrapServers());
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void secretsReachNeitherTheLogsNorTheProductsEndpoints() throws Exception {
        List<String> secrets = List.of(ordersPassword, kafka.clientSettings(ordersUser).get("ssl.truststore.password").toString());
        for (String path : List.of("/product", "/metrics", "/topology", "/lineage", "/health", "/ready")) {
            assertThat(get(path)).as(path).doesNotContain(secrets);
        }
        List<String> lines = LOGS.list.stream().map(event -> event.getFormattedMessage()
                + (event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy()))).toList();
        // Kafka's clients did log their configuration, with the secrets masked.
        assertThat(lines).anyMatch(line -> line.contains("sasl.jaas.config = [hidden]"));
        assertThat(lines).allSatisfy(line -> assertThat(line).doesNotContain(secrets));
        assertThat(config(kafka.clientSettings(ordersUser)).toString()).doesNotContain(secrets).contains("[hidden]");
    }

    private static ProductConfig config(Map<String, Object> clientSettings) {
        ProductConfig config = ProductConfig.of(kafka.bootstrapServers()).withHttpHost("127.0.0.1").withHttpPort(0)
                .withStateDir(stateDir.resolve("orders"))
                .withKafka(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2)
                .withKafka(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        for (Map.Entry<String, Object> setting : clientSettings.entrySet()) {
            config = config.withKafka(setting.getKey(), setting.getValue());
        }
        return config;
    }

    private static String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + product.httpPort() + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.body();
    }
}
