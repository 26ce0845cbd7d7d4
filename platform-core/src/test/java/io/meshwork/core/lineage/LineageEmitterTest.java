package io.meshwork.core.lineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.meshwork.core.contract.Contract;
import io.meshwork.core.contract.ContractLoader;
import io.meshwork.core.metrics.Availability;
import io.meshwork.core.metrics.FlowMetrics;
import io.meshwork.core.metrics.SlaMonitor;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.openlineage.client.OpenLineage.RunEvent.EventType;
import io.openlineage.client.OpenLineageClientUtils;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The emitter on OpenLineage's HTTP transport, against a real HTTP server on loopback that records what it gets. */
class LineageEmitterTest {

    private final List<String> received = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final HttpServer server = server();

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void emitsStartThenRunningWithCountsThenCompleteOverHttp() throws Exception {
        Contract contract = ContractLoader.load(Path.of(Objects.requireNonNull(
                getClass().getResource("/contracts/testing/readings.yaml")).toURI()));
        FlowMetrics flow = new FlowMetrics(new SimpleMeterRegistry(), contract.sla());
        flow.declareInput("testing.raw-readings");
        flow.recordIn("testing.raw-readings");
        flow.recordOut(System.currentTimeMillis());
        SlaMonitor sla = new SlaMonitor(contract.sla(), flow,
                new Availability(new SimpleMeterRegistry(), () -> KafkaStreams.State.RUNNING));
        LineageConfig config = new LineageConfig(LineageConfig.Transport.HTTP,
                Optional.of(URI.create("http://127.0.0.1:" + server.getAddress().getPort())), Optional.of("s3cret"),
                LineageConfig.DEFAULT_TOPIC, "meshwork", Duration.ofMillis(100));

        LineageEmitter emitter = LineageEmitter.start(config, contract, Map.of("bootstrap.servers", "broker:9092"),
                flow, sla).orElseThrow();
        await().atMost(Duration.ofSeconds(20)).until(() -> types().contains(EventType.RUNNING));
        emitter.close();

        List<EventType> types = types();
        assertThat(types.get(0)).isEqualTo(EventType.START);
        assertThat(types.get(types.size() - 1)).isEqualTo(EventType.COMPLETE);
        assertThat(types.subList(1, types.size() - 1)).containsOnly(EventType.RUNNING);
        var complete = OpenLineageClientUtils.runEventFromJson(received.get(received.size() - 1));
        assertThat(complete.getOutputs().get(0).getOutputFacets().getOutputStatistics().getRowCount()).isEqualTo(1);
        assertThat(complete.getInputs().get(0).getNamespace()).isEqualTo("kafka://broker:9092");
        assertThat(complete.getInputs().get(0).getFacets().getSchema().getFields())
                .as("schema of the input, from the producing product's contract (testing/sensors)").hasSize(3);
        assertThat(authorizations).containsOnly("Bearer s3cret");
    }

    @Test
    void offEmitsNothing() {
        assertThat(LineageEmitter.start(LineageConfig.off(), null, Map.of(), null, null)).isEmpty();
    }

    private List<EventType> types() {
        return received.stream().map(json -> OpenLineageClientUtils.runEventFromJson(json).getEventType()).toList();
    }

    private HttpServer server() {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            http.createContext("/api/v1/lineage", exchange -> {
                received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
                exchange.sendResponseHeaders(201, -1);
                exchange.close();
            });
            http.start();
            return http;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
