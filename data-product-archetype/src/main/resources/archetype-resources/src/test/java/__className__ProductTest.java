package ${package};

import static org.assertj.core.api.Assertions.assertThat;

import io.meshwork.core.port.MeshworkHeaders;
import io.meshwork.test.ProductTestDriver;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The ${name} topology on Kafka's TopologyTestDriver: no broker. */
class ${className}ProductTest {

    private static final Instant AT = Instant.parse("2026-01-15T10:15:30Z");
    private static final String INPUT = ${className}Product.INPUTS.get(0);

    private final ProductTestDriver driver = ProductTestDriver.of(new ${className}Product());

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void aValidEventIsPublishedKeyedAsTheInput() {
        driver.send(INPUT, "evt-1", ${className}Traffic.event("evt-1", AT, 3).toString(), AT);

        TestRecord<String, JsonNode> out = driver.output().get(0);
        assertThat(out.key()).isEqualTo("evt-1");
        assertThat(out.value().get("quantity").asInt()).isEqualTo(3);
        assertThat(out.getRecordTime()).isEqualTo(AT);
        assertThat(driver.deadLetters()).isEmpty();
    }

    @Test
    void anEventBreakingTheContractIsDeadLetteredWithRuleAndPath() {
        driver.send(INPUT, "evt-2", ${className}Traffic.event("evt-2", AT, -1).toString(), AT);

        assertThat(driver.output()).isEmpty();
        TestRecord<String, byte[]> dead = driver.deadLetters().get(0);
        assertThat(header(dead, MeshworkHeaders.RULE)).isEqualTo("minimum");
        assertThat(header(dead, MeshworkHeaders.PATH)).isEqualTo("$.quantity");
    }

    private static String header(TestRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
