package io.meshwork.core.port;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class MeshworkHeadersTest {

    private final MeshworkHeaders.Source source = new MeshworkHeaders.Source("shop.clicks", 2, 41L);

    @Test
    void stampsProductContractVersionAndSourcePosition() {
        Headers headers = new RecordHeaders();
        MeshworkHeaders.provenance(headers, source, "shop/baskets", "1.4.0");
        assertThat(value(headers, MeshworkHeaders.PRODUCT)).isEqualTo("shop/baskets");
        assertThat(value(headers, MeshworkHeaders.CONTRACT_VERSION)).isEqualTo("1.4.0");
        assertThat(value(headers, MeshworkHeaders.SOURCE_TOPIC)).isEqualTo("shop.clicks");
        assertThat(value(headers, MeshworkHeaders.SOURCE_PARTITION)).isEqualTo("2");
        assertThat(value(headers, MeshworkHeaders.SOURCE_OFFSET)).isEqualTo("41");
        assertThat(headers.lastHeader(MeshworkHeaders.CORRELATION_ID)).isNull();
    }

    @Test
    void replacesWhatAnUpstreamProductStampedButKeepsItsCorrelationId() {
        Headers headers = new RecordHeaders();
        MeshworkHeaders.provenance(headers, new MeshworkHeaders.Source("a", 0, 1), "shop/clicks", "2.0.0");
        headers.add(MeshworkHeaders.CORRELATION_ID, bytes("c-42"));
        MeshworkHeaders.provenance(headers, source, "shop/baskets", "1.4.0");
        assertThat(headers.headers(MeshworkHeaders.PRODUCT)).hasSize(1);
        assertThat(value(headers, MeshworkHeaders.PRODUCT)).isEqualTo("shop/baskets");
        assertThat(value(headers, MeshworkHeaders.CORRELATION_ID)).isEqualTo("c-42");
    }

    @Test
    void carriesAPlainCorrelationIdHeaderOnAsTheMeshworkOne() {
        Headers headers = new RecordHeaders().add(MeshworkHeaders.PLAIN_CORRELATION_ID, bytes("order-7"));
        MeshworkHeaders.provenance(headers, source, "shop/baskets", "1.4.0");
        assertThat(value(headers, MeshworkHeaders.CORRELATION_ID)).isEqualTo("order-7");

        Headers both = new RecordHeaders().add(MeshworkHeaders.PLAIN_CORRELATION_ID, bytes("plain"))
                .add(MeshworkHeaders.CORRELATION_ID, bytes("mesh"));
        MeshworkHeaders.provenance(both, source, "shop/baskets", "1.4.0");
        assertThat(both.headers(MeshworkHeaders.CORRELATION_ID)).hasSize(1);
        assertThat(value(both, MeshworkHeaders.CORRELATION_ID)).isEqualTo("mesh");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String value(Headers headers, String name) {
        return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
