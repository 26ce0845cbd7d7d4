package io.meshwork.cli.up;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.meshwork.core.json.Json;
import io.meshwork.products.orders.OrderTraffic;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code mesh up --processes --instances realtime-revenue=2}: the local mesh (embedded broker, traffic, portal) with
 * orders and two instances of realtime-revenue, each an OS process of its own started from the product's runnable jar
 * ({@code data-products/<name>/target/<name>.jar}, built by the reactor before this module's integration tests).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProcessMeshIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    static Path dataDir;

    private static LocalMesh mesh;

    @BeforeAll
    static void startMesh() throws IOException {
        mesh = LocalMesh.start(new UpOptions(dataDir.resolve("mesh"), Optional.empty(), 0, 50, 0.05, freePort(),
                List.of("orders", "realtime-revenue"), "at_least_once",
                Optional.of(new UpOptions.Processes(Path.of("../data-products"), Map.of("realtime-revenue", 2)))));
    }

    @AfterAll
    static void stop() {
        if (mesh != null) {
            mesh.close();
        }
    }

    @Test
    @Order(1)
    void everyInstanceIsAProcessOfItsOwnWithItsOwnPortStateAndLog() {
        List<ProductInstance> instances = mesh.products();
        assertThat(instances).extracting(ProductInstance::label)
                .containsExactly("orders", "realtime-revenue", "realtime-revenue@2");
        assertThat(instances).allSatisfy(instance -> {
            assertThat(instance).isInstanceOf(ProcessInstance.class);
            assertThat(((ProcessInstance) instance).pid()).isNotEqualTo(ProcessHandle.current().pid());
            assertThat(get(instance.url() + "/ready").statusCode()).as(instance.label() + " /ready").isEqualTo(200);
            assertThat(dataDir.resolve("mesh/logs").resolve(instance.label() + ".log")).isNotEmptyFile();
        });
        assertThat(instances).extracting(ProductInstance::url).doesNotHaveDuplicates();
        // realtime-revenue keeps windows; orders keeps no state and has no state directory.
        assertThat(dataDir.resolve("mesh/state/realtime-revenue")).isDirectory();
        assertThat(dataDir.resolve("mesh/state/realtime-revenue@2")).isDirectory();
        assertThat(mesh.manifest().products()).extracting(MeshManifest.Product::url)
                .containsExactlyElementsOf(instances.stream().map(ProductInstance::url).toList());
    }

    @Test
    @Order(2)
    void recordsFlowThroughEveryProcess() {
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(mesh.products()).allSatisfy(instance ->
                assertThat(instance.flow().out()).as(instance.label() + " records out").isPositive()));
    }

    @Test
    @Order(3)
    void bothRevenueInstancesAnswerEveryRegionFromTheInstanceThatHoldsIt() {
        List<ProductInstance> revenue = mesh.products().stream()
                .filter(instance -> instance.contract().name().equals("realtime-revenue")).toList();
        for (String region : OrderTraffic.REGIONS) {
            await().atMost(PATIENCE).untilAsserted(() -> {
                JsonNode first = windows(revenue.get(0), region);
                JsonNode second = windows(revenue.get(1), region);
                assertThat(first.path("key").asString()).isEqualTo(region);
                // Whichever instance was asked, the one holding the region's partition answered: one request was
                // forwarded to the other process, through the URL it advertises.
                assertThat(second.path("instance").asString()).as(region + " answered by")
                        .isEqualTo(first.path("instance").asString());
            });
        }
    }

    @Test
    @Order(4)
    void closingTheMeshStopsEveryProcessItStarted() {
        List<Long> pids = mesh.products().stream().map(instance -> ((ProcessInstance) instance).pid()).toList();
        mesh.close();
        mesh = null;
        assertThat(pids).allSatisfy(pid ->
                assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).as("process " + pid).isNotEqualTo(Optional.of(true)));
        assertThat(dataDir.resolve("mesh/processes")).as("the ledger of running processes").doesNotExist();
    }

    private static JsonNode windows(ProductInstance instance, String region) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(
                        URI.create(instance.url() + "/stores/revenue-by-region/keys/" + region))
                .header("Authorization", "Bearer " + mesh.token().token()).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(instance.label() + " on " + region + ": " + answer.body()).isEqualTo(200);
        return Json.mapper().readTree(answer.body());
    }

    private static HttpResponse<String> get(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(url + " did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
