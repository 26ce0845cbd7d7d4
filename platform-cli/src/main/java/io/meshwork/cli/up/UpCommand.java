package io.meshwork.cli.up;

import io.meshwork.core.contract.ContractException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mesh up}: the whole local mesh, until Ctrl-C. */
@Command(name = "up", mixinStandardHelpOptions = true,
        description = {"Runs the whole local mesh until Ctrl-C.",
                "Starts a real Kafka broker (embedded, data under --data-dir), creates every topic the contracts declare, "
                        + "runs every data product with its query port (in this JVM, or each an OS process with --processes), feeds them synthetic traffic and serves the portal "
                        + "on --port. Writes <data-dir>/up.json so scripts can find the running mesh."})
public final class UpCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--rate", defaultValue = "20", description = "Synthetic input records per second (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--invalid-share", defaultValue = "0.05",
            description = "Share of synthetic records made invalid on purpose, 0..1 (default: ${DEFAULT-VALUE}).")
    double invalidShare;

    @Option(names = "--bootstrap-servers", description = "Use this Kafka cluster instead of the embedded broker.")
    String bootstrapServers;

    @Option(names = "--kafka-port", defaultValue = "9092",
            description = "Client port of the embedded broker, when free (default: ${DEFAULT-VALUE}; 0: any free port).")
    int kafkaPort;

    @Option(names = "--data-dir", defaultValue = ".mesh", description = "Broker data, product state and up.json (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--fresh", description = "Delete the data directory first: a new cluster, empty topics.")
    boolean fresh;

    @Option(names = "--port", defaultValue = "8080", description = "The portal listens here; query ports are numbered above it, one per product, kept in <data-dir>/ports.json (default: ${DEFAULT-VALUE}).")
    int basePort;

    @Option(names = "--product", split = ",", description = "Run only these products (default: all on the classpath).")
    List<String> products = List.of();

    @Option(names = "--processing-guarantee", defaultValue = "exactly_once_v2",
            description = "Kafka Streams processing guarantee: at_least_once or exactly_once_v2 (default: ${DEFAULT-VALUE}).")
    String processingGuarantee;

    @Option(names = "--processes",
            description = "Run each product as an OS process of its own, java -jar of its runnable jar configured by "
                    + "environment variables, as in production; logs in <data-dir>/logs. Default: inside this JVM.")
    boolean processes;

    @Option(names = "--instances", paramLabel = "<product>=<n>",
            description = "Run n instances of a product (same application id, each its own query port, state directory "
                    + "and advertised URL); implies --processes. Repeatable, e.g. --instances realtime-revenue=2.")
    Map<String, Integer> instances = new LinkedHashMap<>();

    @Option(names = "--jars", defaultValue = "${sys:meshwork.products.dir:-data-products}",
            description = "Where --processes finds the runnable jars: <dir>/<name>/target/<name>.jar or <dir>/<name>.jar "
                    + "(default: ${DEFAULT-VALUE}).")
    Path jars;

    @Option(names = "--duration", description = "Stop by itself after this long (ISO-8601, e.g. PT60S); default: until Ctrl-C.")
    Duration duration;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (rate < 0 || invalidShare < 0 || invalidShare > 1) {
            err.println("mesh up: --rate must be >= 0 and --invalid-share between 0 and 1");
            return 2;
        }
        if (fresh) {
            deleteRecursively(dataDir);
        }
        out.println("Starting the mesh" + (bootstrapServers == null ? " (embedded Kafka, data in " + dataDir + ")" : " on " + bootstrapServers) + " ...");
        out.flush();
        LocalMesh mesh;
        try {
            Optional<UpOptions.Processes> inProcesses = processes || !instances.isEmpty()
                    ? Optional.of(new UpOptions.Processes(jars, instances)) : Optional.empty();
            mesh = LocalMesh.start(new UpOptions(dataDir, Optional.ofNullable(bootstrapServers), kafkaPort, rate, invalidShare,
                    basePort, products, processingGuarantee, inProcesses));
        } catch (ContractException | IllegalStateException | IllegalArgumentException e) {
            err.println("mesh up: cannot start:\n" + e.getMessage());
            return 2;
        }
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.countDown();
            awaitQuietly(stopped);
        }, "mesh-up-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            mesh.manifest().writeTo(dataDir.resolve("up.json"));
            printWelcome(out, mesh);
            ProgressLine progress = new ProgressLine(System.out, System.console() != null);
            long deadline = duration == null ? Long.MAX_VALUE : System.nanoTime() + duration.toNanos();
            long period = System.console() != null ? 1 : 5;
            while (!stop.await(period, TimeUnit.SECONDS) && System.nanoTime() < deadline) {
                progress.show(mesh.produced(), mesh.products());
            }
            progress.show(mesh.produced(), mesh.products());
            progress.end();
        } finally {
            out.println("Stopping the mesh ...");
            out.flush();
            mesh.close();
            out.println("Stopped. Data kept in " + dataDir + " (mesh up --fresh starts from scratch).");
            out.flush();
            stopped.countDown();
        }
        return 0;
    }

    private void printWelcome(PrintWriter out, LocalMesh mesh) {
        out.println("Kafka bootstrap servers: " + mesh.bootstrapServers());
        out.println("Portal: " + mesh.portalUrl());
        for (ProductInstance product : mesh.products()) {
            String url = product.url();
            out.printf("  %-20s %s  -> %s (dead letters: %s)%n", product.label(), url,
                    product.contract().outputTopic(), product.contract().ports().deadLetter());
            out.printf("  %-20s   %s/product  %s/metrics  %s/lineage%n", "", url, url, url);
            product.stores().forEach(store -> out.printf("  %-20s   %s/stores/%s/keys/<key>%n", "", url, store));
        }
        out.println("Store queries need the development token (also in " + dataDir.resolve("up.json") + "):");
        out.println("  export MESH_TOKEN=" + mesh.token().token());
        out.println("  curl -H \"Authorization: Bearer $MESH_TOKEN\" <url>/stores/<store>/keys/<key>");
        out.println("Ctrl-C stops the mesh.");
        out.flush();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
