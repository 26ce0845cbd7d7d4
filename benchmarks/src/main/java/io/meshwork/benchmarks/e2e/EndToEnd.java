package io.meshwork.benchmarks.e2e;

import io.meshwork.products.orders.OrderTraffic;
import io.meshwork.products.orders.OrdersProduct;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * End-to-end throughput on a real broker: the Meshwork orders product against {@link BareOrders}, the same
 * transformation in bare Kafka Streams, each as its own JVM with the same heap, alternating, over the same preloaded
 * input, under both guarantees. Reports records/s between 10% and 90% of the output, CPU time per record, resident
 * memory, and the producer ceiling of the machine. The broker runs in a process of its own.
 *
 * <pre>
 * ./mvnw -q -Pbenchmarks -pl benchmarks -am package -DskipTests
 * java -cp benchmarks/target/benchmarks.jar io.meshwork.benchmarks.e2e.EndToEnd        # 200,000 orders, 3 rounds
 * java -Dmeshwork.e2e.records=50000 -Dmeshwork.e2e.rounds=1 -cp benchmarks/target/benchmarks.jar io.meshwork.benchmarks.e2e.EndToEnd
 * </pre>
 */
public final class EndToEnd {

    private static final String INPUT = OrdersProduct.ORDERS_PLACED;
    private static final int PARTITIONS = 6;
    private static final Duration RUN_BOUND = Duration.ofMinutes(5);

    record App(String name, String mainClass, String outputTopic) {
    }

    record Result(String app, String guarantee, int round, double recordsPerSecond, double cpuMicrosPerRecord, double rssMb) {
    }

    private final int records = Integer.getInteger("meshwork.e2e.records", 200_000);
    private final int rounds = Integer.getInteger("meshwork.e2e.rounds", 3);
    private final List<String> guarantees = List.of(System.getProperty("meshwork.e2e.guarantees",
            "at_least_once,exactly_once_v2").split(","));
    private final String heap = System.getProperty("meshwork.e2e.heap", "512m");
    private final Path dir = Path.of(System.getProperty("meshwork.e2e.dir", "target/e2e"));
    private final Path contracts = Path.of(System.getProperty("meshwork.contracts.dir", "contracts")).toAbsolutePath();
    private final boolean jfr = Boolean.getBoolean("meshwork.e2e.jfr");

    public static void main(String[] args) throws Exception {
        new EndToEnd().run();
    }

    private void run() throws Exception {
        Files.createDirectories(dir);
        App bare = new App("bare Kafka Streams", BareOrders.class.getName(), BareOrders.OUTPUT);
        App meshwork = new App("Meshwork orders", OrdersProduct.class.getName(), "commerce.orders");
        try (AppProcess broker = AppProcess.start(BrokerMain.class.getName(), Map.of(), dir.resolve("broker.log"),
                List.of("-Xmx1g"), Integer.toString(freePort()))) {
            String bootstrap = awaitReady(dir.resolve("broker.log"));
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                admin.createTopics(List.of(INPUT, bare.outputTopic(), meshwork.outputTopic(), "commerce.orders.dlq").stream()
                        .map(t -> new NewTopic(t, PARTITIONS, (short) 1)).toList()).all().get();
                double ceiling = preload(bootstrap);
                System.out.printf(Locale.ROOT, "producer ceiling: %.0f records/s (%d orders preloaded on %d partitions)%n",
                        ceiling, records, PARTITIONS);
                List<Result> results = new ArrayList<>();
                for (String guarantee : guarantees) {
                    for (int round = 1; round <= rounds; round++) {
                        List<App> order = round % 2 == 1 ? List.of(bare, meshwork) : List.of(meshwork, bare);
                        for (App app : order) {
                            Result result = measure(app, guarantee, round, bootstrap, admin);
                            results.add(result);
                            System.out.printf(Locale.ROOT, "%-22s %-16s round %d: %8.0f records/s, %6.1f µs CPU/record, RSS %5.0f MiB%n",
                                    app.name(), guarantee, round, result.recordsPerSecond(), result.cpuMicrosPerRecord(), result.rssMb());
                        }
                    }
                }
                report(results, ceiling);
            }
            broker.process().getOutputStream().close();
        }
    }

    private Result measure(App app, String guarantee, int round, String bootstrap, Admin admin) throws Exception {
        long start = endOffsets(admin, app.outputTopic());
        String id = "bench-" + (app.mainClass().equals(BareOrders.class.getName()) ? "bare" : "meshwork") + "-"
                + guarantee.replace('_', '-') + "-" + round;
        List<String> jvm = new ArrayList<>(List.of("-Xms" + heap, "-Xmx" + heap));
        if (jfr && !app.outputTopic().equals(BareOrders.OUTPUT)) {
            jvm.add("-XX:StartFlightRecording=filename=" + dir.resolve(id + ".jfr") + ",settings=profile");
        }
        Map<String, String> env = Map.of("KAFKA_BOOTSTRAP_SERVERS", bootstrap, "KAFKA_APPLICATION_ID", id,
                "KAFKA_PROCESSING_GUARANTEE", guarantee, "MESHWORK_STATE_DIR", dir.resolve("state").resolve(id).toString(),
                "MESHWORK_HTTP_PORT", "0", "MESHWORK_CONTRACTS_DIR", contracts.toString());
        try (AppProcess process = AppProcess.start(app.mainClass(), env, dir.resolve(id + ".log"), jvm)) {
            long tenPercent = start + records / 10;
            long ninetyPercent = start + records * 9L / 10;
            long deadline = System.nanoTime() + RUN_BOUND.toNanos();
            long t10 = 0;
            double cpu10 = 0;
            while (System.nanoTime() < deadline) {
                long out = endOffsets(admin, app.outputTopic());
                if (t10 == 0 && out >= tenPercent) {
                    t10 = System.nanoTime();
                    cpu10 = process.cpuSeconds();
                } else if (t10 != 0 && out >= ninetyPercent) {
                    double seconds = (System.nanoTime() - t10) / 1e9;
                    double cpu = process.cpuSeconds() - cpu10;
                    double counted = out - tenPercent;
                    return new Result(app.name(), guarantee, round, counted / seconds, cpu * 1e6 / counted, process.rssMb());
                }
                if (!process.process().isAlive()) {
                    throw new IllegalStateException(app.name() + " exited; see " + dir.resolve(id + ".log"));
                }
                TimeUnit.MILLISECONDS.sleep(50);
            }
            throw new IllegalStateException(app.name() + " did not publish 90% of the orders within " + RUN_BOUND);
        }
    }

    /** The sum of the end offsets of {@code topic}: records written (plus transaction markers under EOS). */
    private static long endOffsets(Admin admin, String topic) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (int p = 0; p < PARTITIONS; p++) {
            latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
        }
        return admin.listOffsets(latest).all().get().values().stream().mapToLong(info -> info.offset()).sum();
    }

    private double preload(String bootstrap) {
        Random random = new Random(7);
        Instant at = Instant.now().minus(Duration.ofMinutes(30));
        long started = System.nanoTime();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.LINGER_MS_CONFIG, 10,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024), new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < records; i++) {
                String customer = OrderTraffic.customerId(random.nextInt(500));
                producer.send(new ProducerRecord<>(INPUT, customer,
                        OrderTraffic.orderPlaced(random, customer, at.plusMillis(i)).toString()));
            }
            producer.flush();
        }
        return records / ((System.nanoTime() - started) / 1e9);
    }

    private void report(List<Result> results, double ceiling) {
        System.out.printf(Locale.ROOT, "%n| guarantee | bare records/s | Meshwork records/s | ratio (per round) | CPU µs/record bare → Meshwork | RSS MiB bare → Meshwork |%n");
        System.out.printf("|---|---|---|---|---|---|%n");
        for (String guarantee : guarantees) {
            List<Result> bare = pick(results, guarantee, "bare");
            List<Result> mesh = pick(results, guarantee, "Meshwork");
            List<String> ratios = new ArrayList<>();
            for (int i = 0; i < Math.min(bare.size(), mesh.size()); i++) {
                ratios.add(String.format(Locale.ROOT, "%.2f", mesh.get(i).recordsPerSecond() / bare.get(i).recordsPerSecond()));
            }
            System.out.printf(Locale.ROOT, "| %s | %s | %s | %.2f× (%s) | %.1f → %.1f | %.0f → %.0f |%n", guarantee,
                    join(bare), join(mesh), mean(mesh) / mean(bare), String.join(", ", ratios),
                    bare.stream().mapToDouble(Result::cpuMicrosPerRecord).average().orElse(0),
                    mesh.stream().mapToDouble(Result::cpuMicrosPerRecord).average().orElse(0),
                    bare.stream().mapToDouble(Result::rssMb).average().orElse(0),
                    mesh.stream().mapToDouble(Result::rssMb).average().orElse(0));
        }
        System.out.printf(Locale.ROOT, "%nproducer ceiling %.0f records/s; heap -Xmx%s for both apps%n", ceiling, heap);
    }

    private static List<Result> pick(List<Result> results, String guarantee, String app) {
        return results.stream().filter(r -> r.guarantee().equals(guarantee) && r.app().startsWith(app)).toList();
    }

    private static String join(List<Result> results) {
        return results.stream().map(r -> String.format(Locale.ROOT, "%.0f", r.recordsPerSecond())).collect(Collectors.joining(", "));
    }

    private static double mean(List<Result> results) {
        return results.stream().mapToDouble(Result::recordsPerSecond).average().orElse(Double.NaN);
    }

    private static String awaitReady(Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (Files.exists(log)) {
                for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                    if (line.startsWith("READY ")) {
                        return line.substring("READY ".length()).strip();
                    }
                }
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        throw new IllegalStateException("the broker did not start within 120 s; see " + log);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
