package io.meshwork.core.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshwork.core.contract.Contract;
import io.meshwork.core.contract.ContractLoader;
import io.meshwork.core.contract.Violation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class ContractDeserializerTest {

    private static final String CONTRACT = """
            dataProduct: {name: widgets, domain: shop, owner: shop-team, version: 1.0.0}
            schema:
              type: object
              required: [id]
              properties:
                id: {type: string}
                size: {type: integer, minimum: 0}
            """;

    private final Contract contract = ContractLoader.parse(Path.of("contracts/shop/widgets.yaml"), CONTRACT);
    private final List<ContractViolation> violations = new ArrayList<>();

    @Test
    void aConformingValueIsReturnedAsItsTree() {
        JsonNode value = new ContractDeserializer(contract, violations::add).deserialize("shop.widgets", bytes("{\"id\":\"w-1\",\"size\":3}"));

        assertThat(value.get("size").asInt()).isEqualTo(3);
        assertThat(violations).isEmpty();
    }

    @Test
    void aViolatingValueGoesToTheHandlerAndTheConsumerSeesNull() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("meshwork.contract.version", bytes("1.0.0"));

        JsonNode value = new ContractDeserializer(contract, violations::add).deserialize("shop.widgets", headers, bytes("{\"size\":-1}"));

        assertThat(value).isNull();
        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.topic()).isEqualTo("shop.widgets");
            assertThat(v.headers().lastHeader("meshwork.contract.version")).isNotNull();
            assertThat(v.tree().get("size").asInt()).isEqualTo(-1);
            assertThat(v.violations()).extracting(Violation::rule).containsExactlyInAnyOrder("required", "minimum");
        });
    }

    @Test
    void withDeliverTheConsumerSeesTheViolatingTreeToo() {
        JsonNode value = new ContractDeserializer(contract, violations::add, ContractDeserializer.OnViolation.DELIVER)
                .deserialize("shop.widgets", bytes("{\"size\":-1}"));

        assertThat(value.get("size").asInt()).isEqualTo(-1);
        assertThat(violations).hasSize(1);
    }

    @Test
    void bytesThatAreNotJsonAreAViolationToo() {
        assertThat(new ContractDeserializer(contract, violations::add).deserialize("shop.widgets", bytes("{oops"))).isNull();
        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.tree()).isNull();
            assertThat(v.violations()).extracting(Violation::rule, Violation::path)
                    .containsExactly(Tuple.tuple("json", "$"));
        });
    }

    @Test
    void aTombstoneStaysNullAndIsNotAViolation() {
        assertThat(new ContractDeserializer(contract, violations::add).deserialize("shop.widgets", null)).isNull();
        assertThat(violations).isEmpty();
    }

    @Test
    void configuredByClassNameItReadsTheContractFile(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("widgets.yaml"), CONTRACT);
        try (ContractDeserializer deserializer = new ContractDeserializer()) {
            deserializer.configure(Map.of(ContractDeserializer.CONTRACT_FILE_CONFIG, file.toString(),
                    ContractDeserializer.ON_VIOLATION_CONFIG, "deliver"), false);

            assertThat(deserializer.contract().name()).isEqualTo("widgets");
            assertThat(deserializer.deserialize("shop.widgets", bytes("{\"size\":-1}"))).isNotNull();
        }
    }

    @Test
    void configuredWithoutAContractItRefusesToStart() {
        try (ContractDeserializer deserializer = new ContractDeserializer()) {
            assertThatThrownBy(() -> deserializer.configure(Map.of(), false)).isInstanceOf(ConfigException.class)
                    .hasMessageContaining(ContractDeserializer.CONTRACT_FILE_CONFIG);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
