package io.meshwork.products.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.meshwork.core.traffic.SyntheticRecord;
import io.meshwork.testkit.junit.KafkaClusterExtension;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runnable jar ({@code target/orders.jar}, built in {@code package}, before this test runs) as a user runs it:
 * copied alone into an empty folder, started with {@code java -jar} as its own process, configured only by
 * environment variables, its contract read from inside the jar.
 */
class RunnableJarIT {

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = KafkaClusterExtension.singleBroker();

    private static final Duration START_UP = Duration.ofSeconds(90);

    @TempDir
    Path workDir;

    private Process product;

    @AfterEach
    void stopProduct() throws InterruptedException {
        if (product != null) {
            product.destroy();
            if (!product.waitFor(30, TimeUnit.SECONDS)) {
                product.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void theJarAloneRunsTheProductFromAnyFolder() throws Exception {
        Path built = Path.of("target", "orders.jar");
        assertThat(built).as("the runnable jar, built by `package`").isRegularFile();
        Path jar = Files.copy(built, workDir.resolve("orders.jar"));
        KAFKA.createTopic(OrdersProduct.ORDERS_PLACED, 3);
        int port = freePort();
        Path log = workDir.resolve("orders.log");

        ProcessBuilder command = new ProcessBuilder(javaExecutable(), "-jar", jar.getFileName().toString())
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = command.environment();
        env.keySet().removeIf(name -> name.startsWith("KAFKA_") || name.startsWith("MESHWORK_") || name.equals("CLASSPATH"));
        env.put("KAFKA_BOOTSTRAP_SERVERS", KAFKA.bootstrapServers());
        env.put("KAFKA_COMMIT_INTERVAL_MS", "100");
        env.put("MESHWORK_HTTP_PORT", Integer.toString(port));
        env.put("MESHWORK_HTTP_HOST", "127.0.0.1");
        env.put("MESHWORK_STATE_DIR", workDir.resolve("state").toString());
        product = command.start();

        HttpClient http = HttpClient.newHttpClient();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ready")).build();
        await().atMost(START_UP).pollInterval(Duration.ofMillis(500)).ignoreExceptions().untilAsserted(() -> {
            assertThat(product.isAlive()).as("the product process is running; its output:%n%s", output(log)).isTrue();
            assertThat(http.send(ready, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        });

        SyntheticRecord order = new OrderTraffic().next(new Random(11), Instant.now().minusSeconds(60), false);
        KAFKA.client().produce(OrdersProduct.ORDERS_PLACED, order.key(), order.value());

        List<ConsumerRecord<String, byte[]>> published = KAFKA.client().consumeUntil("commerce.orders", 1, START_UP);
        assertThat(published).as("output of the jar; its log:%n%s", output(log)).hasSize(1);
        assertThat(published.get(0).key()).isEqualTo(order.key());
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java" + (File.separatorChar == '\\' ? ".exe" : "")).toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String output(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }
}
