package io.meshwork.benchmarks.e2e;

import io.meshwork.core.json.Json;
import io.meshwork.core.runtime.ProductConfig;
import io.meshwork.products.orders.Order;
import io.meshwork.products.orders.OrderPlaced;
import io.meshwork.products.orders.OrderTraffic;
import io.meshwork.products.orders.OrdersProduct;
import io.meshwork.products.revenue.RealtimeRevenue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
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
import tools.jackson.databind.JsonNode;

/**
 * Meshwork against bare Kafka Streams on a real broker, each app in a JVM of its own with the same fixed heap, the
 * broker in another; alternating which goes first, over the same input. Four phases, each optional:
 *
 * <ul>
 *   <li>{@code revenue}: throughput of realtime-revenue against {@link BareRevenue}, the same windowed aggregation,
 *       over preloaded orders (5 window updates published per order)</li>
 *   <li>{@code query}: the query port of two realtime-revenue instances under {@code wrk} (key lookups on this
 *       instance and forwarded to the other) against a bare Javalin handler over the same store in the same JVM
 *       ({@link RevenueQueryHost}), and their latency at a fixed request rate</li>
 *   <li>{@code orders}: throughput of the orders product against {@link BareOrders} over preloaded order events</li>
 *   <li>{@code latency}: end-to-end latency of the orders product and {@link BareOrders} at fixed input rates</li>
 * </ul>
 *
 * <p>Throughput is records/s between 10% and 90% of the output, with the CPU time per record of the app process,
 * its resident memory and its heap after the run; both guarantees. Knobs are system properties
 * {@code meshwork.e2e.*}: see docs/benchmarks.md.
 *
 * <pre>
 * ./mvnw -q -Pbenchmarks -pl benchmarks -am package -DskipTests
 * java -cp benchmarks/target/benchmarks.jar io.meshwork.benchmarks.e2e.EndToEnd
 * </pre>
 */
public final class EndToEnd {

    private static final int PARTITIONS = 6;
    /** The orders product's output topic: realtime-revenue's input. */
    private static final String ORDERS = "commerce.orders";
    private static final Duration RUN_BOUND = Duration.ofMinutes(5);
    private static final Locale R = Locale.ROOT;

    /** An app of the harness: its main class, its output topic and how many output records one input makes. */
    record App(String name, String mainClass, String outputTopic, int outputsPerInput) {
        boolean bare() {
            return name.startsWith("bare");
        }
    }

    record Result(App app, String guarantee, int round, double recordsPerSecond, double cpuMicrosPerRecord,
                  double rssMb, double heapUsedMb) {
    }

    private static final App BARE_ORDERS = new App("bare orders", BareOrders.class.getName(), BareOrders.OUTPUT, 1);
    private static final App MESH_ORDERS = new App("Meshwork orders", OrdersProduct.class.getName(), ORDERS, 1);
    private static final App BARE_REVENUE = new App("bare windowed aggregation", BareRevenue.class.getName(), BareRevenue.OUTPUT, 5);
    private static final App MESH_REVENUE = new App("Meshwork realtime-revenue", RealtimeRevenue.class.getName(),
            "analytics.realtime-revenue", 5);

    private final int records = Integer.getInteger("meshwork.e2e.records", 200_000);
    private final int revenueRecords = Integer.getInteger("meshwork.e2e.revenue.records", 100_000);
    private final int rounds = Integer.getInteger("meshwork.e2e.rounds", 3);
    private final List<String> guarantees = list("meshwork.e2e.guarantees", "at_least_once,exactly_once_v2");
    private final Set<String> phases = Set.copyOf(list("meshwork.e2e.phases", "revenue,query,orders,latency"));
    private final List<Integer> rates = list("meshwork.e2e.latency.rates", "1000,5000").stream().map(Integer::valueOf).toList();
    private final int latencyRounds = Integer.getInteger("meshwork.e2e.latency.rounds", 2);
    private final int latencySeconds = Integer.getInteger("meshwork.e2e.latency.seconds", 20);
    // 30 s: a fresh JVM at 5,000 records/s builds a backlog while it starts and compiles; 5 s measured that backlog.
    private final int latencyWarmup = Integer.getInteger("meshwork.e2e.latency.warmup", 30);
    private final int querySeconds = Integer.getInteger("meshwork.e2e.query.seconds", 10);
    private final int queryRounds = Integer.getInteger("meshwork.e2e.query.rounds", 3);
    private final int queryConnections = Integer.getInteger("meshwork.e2e.query.connections", 16);
    private final int queryRate = Integer.getInteger("meshwork.e2e.query.rate", 1000);
    /** Extra Kafka settings for both apps of the latency phase, {@code name=value,...} (e.g. {@code linger.ms=5}). */
    private final Map<String, String> latencyKafka = settings(System.getProperty("meshwork.e2e.latency.kafka", ""));
    private final String heap = System.getProperty("meshwork.e2e.heap", "512m");
    private final Path dir = Path.of(System.getProperty("meshwork.e2e.dir", "target/e2e")).toAbsolutePath();
    private final Path contracts = Path.of(System.getProperty("meshwork.contracts.dir", "contracts")).toAbsolutePath();
    private final boolean jfr = Boolean.getBoolean("meshwork.e2e.jfr");
    private final List<String> summary = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        new EndToEnd().run();
    }

    private void run() throws Exception {
        Files.createDirectories(dir);
        note(String.format(R, "machine: %d CPUs, %s %s, Java %s (%s), %s %s", Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name"), System.getProperty("os.version"), System.getProperty("java.version"),
                System.getProperty("java.vm.name"), "apps -Xms/-Xmx", heap));
        // A fresh log: the READY line of an earlier run's broker would send this run to a port nobody listens on.
        Files.deleteIfExists(dir.resolve("broker.log"));
        try (AppProcess broker = AppProcess.start(BrokerMain.class.getName(), Map.of(), dir.resolve("broker.log"),
                List.of("-Xmx1g"), Integer.toString(freePort()))) {
            String bootstrap = awaitLine(dir.resolve("broker.log"), "READY ", Duration.ofSeconds(120)).strip();
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                admin.createTopics(List.of(OrdersProduct.ORDERS_PLACED, ORDERS, BareOrders.OUTPUT,
                                BareRevenue.OUTPUT, MESH_REVENUE.outputTopic()).stream()
                        .map(t -> new NewTopic(t, PARTITIONS, (short) 1)).toList()).all().get();
                if (phases.contains("revenue") || phases.contains("query")) {
                    double ceiling = preloadOrders(bootstrap);
                    note(String.format(R, "producer ceiling: %.0f records/s (%d orders preloaded on %s, %d partitions)",
                            ceiling, revenueRecords, ORDERS, PARTITIONS));
                }
                if (phases.contains("revenue")) {
                    throughput(BARE_REVENUE, MESH_REVENUE, revenueRecords, bootstrap, admin);
                }
                if (phases.contains("query")) {
                    queryPort(bootstrap, admin);
                }
                if (phases.contains("orders")) {
                    double ceiling = preloadPlaced(bootstrap);
                    note(String.format(R, "producer ceiling: %.0f records/s (%d order events preloaded on %s, %d partitions)",
                            ceiling, records, OrdersProduct.ORDERS_PLACED, PARTITIONS));
                    throughput(BARE_ORDERS, MESH_ORDERS, records, bootstrap, admin);
                }
                if (phases.contains("latency")) {
                    latency(bootstrap);
                }
            }
            broker.process().getOutputStream().close();
        }
        System.out.println("\n==== summary ====");
        summary.forEach(System.out::println);
        Files.write(dir.resolve("summary.md"), summary, StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------- throughput

    private void throughput(App bare, App meshwork, int inputs, String bootstrap, Admin admin) throws Exception {
        List<Result> results = new ArrayList<>();
        for (String guarantee : guarantees) {
            for (int round = 1; round <= rounds; round++) {
                for (App app : round % 2 == 1 ? List.of(bare, meshwork) : List.of(meshwork, bare)) {
                    Result result = measure(app, guarantee, round, inputs, bootstrap, admin);
                    results.add(result);
                    System.out.printf(R, "%-26s %-16s round %d: %8.0f records/s, %6.1f µs CPU/record, RSS %5.0f MiB, heap used %5.0f MiB%n",
                            app.name(), guarantee, round, result.recordsPerSecond(), result.cpuMicrosPerRecord(),
                            result.rssMb(), result.heapUsedMb());
                }
            }
        }
        note("");
        note(String.format(R, "%s vs %s: %d input records, records/s between 10%% and 90%% of the output (input records/s)",
                meshwork.name(), bare.name(), inputs));
        note("| guarantee | bare records/s per round | Meshwork records/s per round | records/s ratio (per round) | CPU µs/record bare → Meshwork (ratio per round) | RSS MiB bare → Meshwork | heap used MiB bare → Meshwork |");
        note("|---|---|---|---|---|---|---|");
        for (String guarantee : guarantees) {
            List<Result> b = results.stream().filter(r -> r.guarantee().equals(guarantee) && r.app() == bare).toList();
            List<Result> m = results.stream().filter(r -> r.guarantee().equals(guarantee) && r.app() == meshwork).toList();
            note(String.format(R, "| %s | %s | %s | %s | %.1f → %.1f (%s) | %.0f → %.0f (%.2f×) | %.0f → %.0f |", guarantee,
                    join(b, Result::recordsPerSecond, "%.0f"), join(m, Result::recordsPerSecond, "%.0f"),
                    ratios(m, b, Result::recordsPerSecond), mean(b, Result::cpuMicrosPerRecord), mean(m, Result::cpuMicrosPerRecord),
                    ratios(m, b, Result::cpuMicrosPerRecord), mean(b, Result::rssMb), mean(m, Result::rssMb),
                    mean(m, Result::rssMb) / mean(b, Result::rssMb), mean(b, Result::heapUsedMb), mean(m, Result::heapUsedMb)));
        }
    }

    private Result measure(App app, String guarantee, int round, int inputs, String bootstrap, Admin admin) throws Exception {
        long start = endOffsets(admin, app.outputTopic());
        String id = "bench-" + app.mainClass().substring(app.mainClass().lastIndexOf('.') + 1).toLowerCase(R) + "-"
                + guarantee.replace('_', '-') + "-" + round;
        List<String> jvm = jvm(app, id);
        try (AppProcess process = AppProcess.start(app.mainClass(), env(bootstrap, id, guarantee, Map.of()),
                dir.resolve(id + ".log"), jvm)) {
            long outputs = (long) inputs * app.outputsPerInput();
            long tenPercent = start + outputs / 10;
            long ninetyPercent = start + outputs * 9 / 10;
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
                    double counted = (out - tenPercent) / (double) app.outputsPerInput();
                    return new Result(app, guarantee, round, counted / seconds, cpu * 1e6 / counted, process.rssMb(),
                            process.heapUsedMb());
                }
                if (!process.process().isAlive()) {
                    throw new IllegalStateException(app.name() + " exited; see " + dir.resolve(id + ".log"));
                }
                TimeUnit.MILLISECONDS.sleep(50);
            }
            throw new IllegalStateException(app.name() + " did not publish 90% of its output within " + RUN_BOUND);
        }
    }

    private List<String> jvm(App app, String id) {
        List<String> jvm = new ArrayList<>(List.of("-Xms" + heap, "-Xmx" + heap));
        if (jfr) {
            jvm.add("-XX:StartFlightRecording=filename=" + dir.resolve(id + ".jfr") + ",settings=profile");
        }
        return jvm;
    }

    private Map<String, String> env(String bootstrap, String id, String guarantee, Map<String, String> kafka) {
        Map<String, String> env = new HashMap<>(Map.of("KAFKA_BOOTSTRAP_SERVERS", bootstrap, "KAFKA_APPLICATION_ID", id,
                "KAFKA_PROCESSING_GUARANTEE", guarantee, "MESHWORK_STATE_DIR", dir.resolve("state").resolve(id).toString(),
                "MESHWORK_HTTP_PORT", "0", "MESHWORK_CONTRACTS_DIR", contracts.toString()));
        kafka.forEach((name, value) -> env.put(ProductConfig.environmentVariable(name), value));
        return env;
    }

    // ---------------------------------------------------------------- latency

    private void latency(String bootstrap) throws Exception {
        Map<String, List<Latency.Figures>> figures = new LinkedHashMap<>();
        Map<String, String> kafka = new HashMap<>(latencyKafka);
        kafka.put("auto.offset.reset", "latest"); // start at the live end of the input, not at the preloaded backlog
        for (String guarantee : guarantees) {
            for (int rate : rates) {
                for (int round = 1; round <= latencyRounds; round++) {
                    for (App app : round % 2 == 1 ? List.of(BARE_ORDERS, MESH_ORDERS) : List.of(MESH_ORDERS, BARE_ORDERS)) {
                        String id = "latency-" + (app.bare() ? "bare" : "meshwork") + "-" + guarantee.replace('_', '-')
                                + "-" + rate + "-" + round;
                        try (AppProcess process = AppProcess.start(app.mainClass(), env(bootstrap, id, guarantee, kafka),
                                dir.resolve(id + ".log"), jvm(app, id))) {
                            Latency.Figures f = Latency.measure(bootstrap, OrdersProduct.ORDERS_PLACED, app.outputTopic(),
                                    PARTITIONS, rate, Duration.ofSeconds(latencyWarmup), Duration.ofSeconds(latencySeconds), process);
                            figures.computeIfAbsent(guarantee + "|" + rate + "|" + app.name(), k -> new ArrayList<>()).add(f);
                            System.out.printf(R, "latency %-16s %-16s %5d/s round %d: %s%n", app.name(), guarantee, rate,
                                    round, Latency.describe(f));
                        }
                    }
                }
            }
        }
        note("");
        note(String.format(R, "end-to-end latency (event time → visible to a read_committed consumer), %d s measured after %d s of warm-up, %d round(s); "
                + "Kafka settings beyond the defaults: %s; commit.interval.ms: Kafka Streams' default (30000 at_least_once, 100 exactly_once_v2); "
                + "the Streams producer's linger.ms default is 100", latencySeconds, latencyWarmup, latencyRounds, kafka));
        note("| guarantee | input rate | app | p50 ms | p99 ms (mean, min–max over rounds) | max ms | records measured |");
        note("|---|---|---|---|---|---|---|");
        figures.forEach((key, list) -> {
            String[] k = key.split("\\|");
            note(String.format(R, "| %s | %s/s | %s | %s | %s | %s | %s |", k[0], k[1], k[2],
                    Latency.spread(Latency.values(list, Latency.Figures::p50)),
                    Latency.spread(Latency.values(list, Latency.Figures::p99)),
                    Latency.spread(Latency.values(list, Latency.Figures::max)),
                    list.stream().map(f -> Integer.toString(f.count())).collect(Collectors.joining(", "))));
        });
    }

    // ---------------------------------------------------------------- query port

    private void queryPort(String bootstrap, Admin admin) throws Exception {
        if (!QueryLoad.wrkAvailable()) {
            note("query port: skipped, wrk is not installed (run scripts/install-test-tools.sh --bench)");
            return;
        }
        long start = endOffsets(admin, MESH_REVENUE.outputTopic());
        // Any instance counts as caught up, so the second one is given its share of the stores at once instead of
        // warming up for a probing rebalance (ten minutes by default) while the first keeps every task.
        Map<String, String> kafka = Map.of("acceptable.recovery.lag", Long.toString(Long.MAX_VALUE));
        List<AppProcess> hosts = new ArrayList<>();
        try {
            List<int[]> ports = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Map<String, String> env = new HashMap<>(env(bootstrap, "bench-query", "at_least_once", kafka));
                env.put("MESHWORK_STATE_DIR", dir.resolve("state").resolve("query-" + i).toString());
                env.put("MESHWORK_HTTP_HOST", "127.0.0.1");
                env.put("MESHWORK_QUERY_AUTH", "off");
                Path log = dir.resolve("query-" + i + ".log");
                Files.deleteIfExists(log);
                hosts.add(AppProcess.start(RevenueQueryHost.class.getName(), env, log,
                        List.of("-Xms" + heap, "-Xmx" + heap), "0"));
                String[] ready = awaitLine(log, "READY ", Duration.ofSeconds(120)).strip().split(" ");
                ports.add(new int[] {Integer.parseInt(ready[0]), Integer.parseInt(ready[1])});
            }
            long target = start + (long) revenueRecords * MESH_REVENUE.outputsPerInput();
            long deadline = System.nanoTime() + RUN_BOUND.toNanos();
            while (endOffsets(admin, MESH_REVENUE.outputTopic()) < target) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the two realtime-revenue instances did not process the preloaded orders");
                }
                TimeUnit.MILLISECONDS.sleep(200);
            }
            List<List<String>> local = new ArrayList<>();
            for (int[] port : ports) {
                local.add(localRegions(port[1]));
            }
            note("");
            note(String.format(R, "query port: two realtime-revenue instances (at_least_once, -Xmx%s, MESHWORK_QUERY_AUTH=off), "
                    + "regions held by instance A %s, by instance B %s; wrk -t1 -c%d -d%ds, %d rounds alternating; fixed rate %d req/s "
                    + "(open-loop Java client, latency from the moment each request was due) for %d s after 2 s", heap, local.get(0),
                    local.get(1), queryConnections, querySeconds, queryRounds, queryRate, querySeconds));
            int a = local.get(0).isEmpty() ? 1 : 0;
            int b = 1 - a;
            if (local.get(b).isEmpty()) {
                note("query port: every region is held by one instance; forwarded lookups not measured");
            }
            String meshA = "http://127.0.0.1:" + ports.get(a)[0];
            String bareA = "http://127.0.0.1:" + ports.get(a)[1];
            List<String> meshLocal = local.get(a).stream().map(r -> "/stores/" + RealtimeRevenue.STORE + "/keys/" + r).toList();
            List<String> bareLocal = local.get(a).stream().map(r -> "/bare/" + r).toList();
            List<String> forwarded = local.get(b).stream().map(r -> "/stores/" + RealtimeRevenue.STORE + "/keys/" + r).toList();
            Map<String, List<QueryLoad.Figures>> saturated = new LinkedHashMap<>();
            Map<String, List<QueryLoad.Figures>> paced = new LinkedHashMap<>();
            Map<String, String[]> what = new LinkedHashMap<>();
            what.put("bare Javalin handler, local keys", new String[] {bareA, String.join(" ", bareLocal)});
            what.put("Meshwork query port, local keys", new String[] {meshA, String.join(" ", meshLocal)});
            if (!forwarded.isEmpty()) {
                what.put("Meshwork query port, forwarded keys", new String[] {meshA, String.join(" ", forwarded)});
            }
            warm(what);
            List<String> names = new ArrayList<>(what.keySet());
            for (int round = 1; round <= queryRounds; round++) {
                List<String> order = new ArrayList<>(names);
                java.util.Collections.rotate(order, round - 1);
                for (String name : order) {
                    String[] t = what.get(name);
                    QueryLoad.Figures f = QueryLoad.wrk(t[0], List.of(t[1].split(" ")), queryConnections, querySeconds, dir);
                    saturated.computeIfAbsent(name, k -> new ArrayList<>()).add(f);
                    System.out.printf(R, "wrk %-38s round %d: %s%n", name, round, f.describe());
                }
            }
            for (String name : names) {
                String[] t = what.get(name);
                QueryLoad.Figures f = QueryLoad.fixedRate(t[0], List.of(t[1].split(" ")), queryRate, 2, querySeconds);
                paced.computeIfAbsent(name, k -> new ArrayList<>()).add(f);
                System.out.printf(R, "%d req/s %-34s: %s%n", queryRate, name, f.describe());
            }
            note("| target | lookups/s per round (wrk) | ratio to bare (per round) | wrk p50 / p99 ms | p50 / p99 ms at " + queryRate + " req/s | not 200 |");
            note("|---|---|---|---|---|---|");
            List<QueryLoad.Figures> base = saturated.get(names.get(0));
            for (String name : names) {
                List<QueryLoad.Figures> s = saturated.get(name);
                List<String> perRound = new ArrayList<>();
                for (int i = 0; i < s.size(); i++) {
                    perRound.add(String.format(R, "%.2f", s.get(i).requestsPerSecond() / base.get(i).requestsPerSecond()));
                }
                QueryLoad.Figures p = paced.get(name).get(0);
                note(String.format(R, "| %s | %s | %s | %.2f / %.2f | %.2f / %.2f | %d |", name,
                        s.stream().map(f -> String.format(R, "%.0f", f.requestsPerSecond())).collect(Collectors.joining(", ")),
                        String.join(", ", perRound), s.stream().mapToDouble(QueryLoad.Figures::p50).average().orElse(0),
                        s.stream().mapToDouble(QueryLoad.Figures::p99).average().orElse(0), p.p50(), p.p99(),
                        s.stream().mapToLong(QueryLoad.Figures::errors).sum() + p.errors()));
            }
            for (int i = 0; i < hosts.size(); i++) {
                note(String.format(R, "query host %d after the runs: RSS %.0f MiB, heap used %.0f MiB", i,
                        hosts.get(i).rssMb(), hosts.get(i).heapUsedMb()));
            }
        } finally {
            hosts.forEach(AppProcess::close);
        }
    }

    /** Two seconds of each target before measuring, so neither is measured cold. */
    private void warm(Map<String, String[]> targets) throws IOException, InterruptedException {
        for (String[] t : targets.values()) {
            QueryLoad.wrk(t[0], List.of(t[1].split(" ")), queryConnections, 3, dir);
        }
    }

    private static List<String> localRegions(int barePort) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + barePort + "/local"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = Json.mapper().readTree(response.body());
            if ("RUNNING".equals(body.path("state").asString()) || System.nanoTime() > deadline) {
                List<String> regions = new ArrayList<>();
                body.path("local").forEach(r -> regions.add(r.asString()));
                return regions;
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
    }

    // ---------------------------------------------------------------- input

    /** Preloads {@code commerce.orders} with what the orders product publishes (all with a region), event time as timestamp. */
    private double preloadOrders(String bootstrap) {
        Random random = new Random(7);
        Instant at = Instant.now().minus(Duration.ofMinutes(30));
        return preload(bootstrap, ORDERS, revenueRecords, i -> {
            while (true) {
                String customer = OrderTraffic.customerId(random.nextInt(500));
                Instant time = at.plusMillis(i);
                Order order = Order.from(Json.mapper().treeToValue(OrderTraffic.orderPlaced(random, customer, time), OrderPlaced.class));
                if (order.region() != null) {
                    return new ProducerRecord<>(ORDERS, null, time.toEpochMilli(), order.orderId(),
                            Json.mapper().writeValueAsString(order));
                }
            }
        });
    }

    private double preloadPlaced(String bootstrap) {
        Random random = new Random(7);
        Instant at = Instant.now().minus(Duration.ofMinutes(30));
        return preload(bootstrap, OrdersProduct.ORDERS_PLACED, records, i -> {
            String customer = OrderTraffic.customerId(random.nextInt(500));
            return new ProducerRecord<>(OrdersProduct.ORDERS_PLACED, customer,
                    OrderTraffic.orderPlaced(random, customer, at.plusMillis(i)).toString());
        });
    }

    private interface Generator {
        ProducerRecord<String, String> record(int i);
    }

    /** Sends {@code n} records; returns the records/s the producer reached: the ceiling of this machine and broker. */
    private static double preload(String bootstrap, String topic, int n, Generator generator) {
        List<ProducerRecord<String, String>> batch = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            batch.add(generator.record(i)); // generated first, so the ceiling is the producer's, not the generator's
        }
        long started = System.nanoTime();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.LINGER_MS_CONFIG, 10,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024), new StringSerializer(), new StringSerializer())) {
            batch.forEach(producer::send);
            producer.flush();
        }
        return n / ((System.nanoTime() - started) / 1e9);
    }

    // ---------------------------------------------------------------- helpers

    /** The sum of the end offsets of {@code topic}: records written (plus transaction markers under EOS). */
    private static long endOffsets(Admin admin, String topic) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (int p = 0; p < PARTITIONS; p++) {
            latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
        }
        return admin.listOffsets(latest).all().get().values().stream().mapToLong(info -> info.offset()).sum();
    }

    private void note(String line) {
        System.out.println(line);
        summary.add(line);
    }

    private static String join(List<Result> results, ToDoubleFunction<Result> of, String format) {
        return results.stream().map(r -> String.format(R, format, of.applyAsDouble(r))).collect(Collectors.joining(", "));
    }

    private static String ratios(List<Result> meshwork, List<Result> bare, ToDoubleFunction<Result> of) {
        List<String> ratios = new ArrayList<>();
        for (int i = 0; i < Math.min(meshwork.size(), bare.size()); i++) {
            ratios.add(String.format(R, "%.2f", of.applyAsDouble(meshwork.get(i)) / of.applyAsDouble(bare.get(i))));
        }
        return String.format(R, "%.2f×: %s", mean(meshwork, of) / mean(bare, of), String.join(", ", ratios));
    }

    private static double mean(List<Result> results, ToDoubleFunction<Result> of) {
        return results.stream().mapToDouble(of).average().orElse(Double.NaN);
    }

    private static List<String> list(String property, String defaults) {
        return Arrays.stream(System.getProperty(property, defaults).split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
    }

    private static Map<String, String> settings(String text) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String pair : text.split(",")) {
            if (pair.contains("=")) {
                settings.put(pair.substring(0, pair.indexOf('=')).strip(), pair.substring(pair.indexOf('=') + 1).strip());
            }
        }
        return settings;
    }

    private static String awaitLine(Path log, String prefix, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(log)) {
                for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                    if (line.startsWith(prefix)) {
                        return line.substring(prefix.length());
                    }
                }
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        throw new IllegalStateException("no line '" + prefix + "' within " + timeout + "; see " + log);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
