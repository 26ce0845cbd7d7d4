package io.meshwork.cli.up;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProductPortsTest {

    private static final List<String> MESH = List.of("orders", "realtime-revenue", "customer-360", "high-volume-alerts");

    @TempDir
    Path dir;

    @Test
    void aFreshMeshNumbersTheProductsInNameOrder() {
        assertThat(ProductPorts.assign(dir.resolve("ports.json"), 8080, MESH)).isEqualTo(Map.of(
                "customer-360", 8081, "high-volume-alerts", 8082, "orders", 8083, "realtime-revenue", 8084));
    }

    @Test
    void aNewProductTakesTheNextPortAndMovesNoOther() {
        Path file = dir.resolve("ports.json");
        ProductPorts.assign(file, 8080, MESH);
        Map<String, Integer> after = ProductPorts.assign(file, 8080,
                List.of("audit", "orders", "realtime-revenue", "customer-360", "high-volume-alerts"));
        assertThat(after).containsEntry("realtime-revenue", 8084).containsEntry("customer-360", 8081)
                .containsEntry("audit", 8085);
    }

    @Test
    void aRestartWithFewerProductsKeepsEachOnesPort() {
        Path file = dir.resolve("ports.json");
        ProductPorts.assign(file, 8080, MESH);
        assertThat(ProductPorts.assign(file, 18080, List.of("realtime-revenue"))).isEqualTo(Map.of("realtime-revenue", 18084));
        assertThat(ProductPorts.assign(file, 8080, MESH)).containsEntry("orders", 8083);
    }

    @Test
    void anUnreadableFileSaysHowToRecover() throws Exception {
        Path file = Files.writeString(dir.resolve("ports.json"), "[1, 2");
        assertThatThrownBy(() -> ProductPorts.assign(file, 8080, MESH))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("delete it");
    }
}
