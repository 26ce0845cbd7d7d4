package io.meshwork.core.port;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshwork.core.deadletter.SourcePosition;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class ProvenanceHeadersTest {

    private final SourcePosition source = new SourcePosition("shop.clicks", 2, 41L);

    @Test
    void stampsProductContractVersionAndSourcePosition() {
        Headers headers = new RecordHeaders();
        ProvenanceHeaders.write(headers, source, "shop/baskets", "1.4.0");
        assertThat(value(headers, ProvenanceHeaders.PRODUCT)).isEqualTo("shop/baskets");
        assertThat(value(headers, ProvenanceHeaders.CONTRACT_VERSION)).isEqualTo("1.4.0");
        assertThat(value(headers, ProvenanceHeaders.SOURCE_TOPIC)).isEqualTo("shop.clicks");
        assertThat(value(headers, ProvenanceHeaders.SOURCE_PARTITION)).isEqualTo("2");
        assertThat(value(headers, ProvenanceHeaders.SOURCE_OFFSET)).isEqualTo("41");
        assertThat(headers.lastHeader(ProvenanceHeaders.CORRELATION_ID)).isNull();
    }

    @Test
    void replacesWhatAnUpstreamProductStampedButKeepsItsCorrelationId() {
        Headers headers = new RecordHeaders();
        ProvenanceHeaders.write(headers, new SourcePosition("a", 0, 1), "shop/clicks", "2.0.0");
        headers.add(ProvenanceHeaders.CORRELATION_ID, bytes("c-42"));
        ProvenanceHeaders.write(headers, source, "shop/baskets", "1.4.0");
        assertThat(headers.headers(ProvenanceHeaders.PRODUCT)).hasSize(1);
        assertThat(value(headers, ProvenanceHeaders.PRODUCT)).isEqualTo("shop/baskets");
        assertThat(value(headers, ProvenanceHeaders.CORRELATION_ID)).isEqualTo("c-42");
    }

    @Test
    void carriesAPlainCorrelationIdHeaderOnAsTheMeshworkOne() {
        Headers headers = new RecordHeaders().add(ProvenanceHeaders.PLAIN_CORRELATION_ID, bytes("order-7"));
        ProvenanceHeaders.write(headers, source, "shop/baskets", "1.4.0");
        assertThat(value(headers, ProvenanceHeaders.CORRELATION_ID)).isEqualTo("order-7");

        Headers both = new RecordHeaders().add(ProvenanceHeaders.PLAIN_CORRELATION_ID, bytes("plain"))
                .add(ProvenanceHeaders.CORRELATION_ID, bytes("mesh"));
        ProvenanceHeaders.write(both, source, "shop/baskets", "1.4.0");
        assertThat(both.headers(ProvenanceHeaders.CORRELATION_ID)).hasSize(1);
        assertThat(value(both, ProvenanceHeaders.CORRELATION_ID)).isEqualTo("mesh");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String value(Headers headers, String name) {
        return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
