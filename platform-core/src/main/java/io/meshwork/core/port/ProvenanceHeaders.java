package io.meshwork.core.port;

import io.meshwork.core.deadletter.DeadLetterHeaders;
import io.meshwork.core.deadletter.SourcePosition;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Headers on every output record saying where it came from: the producing product and contract version, the
 * input record's topic/partition/offset, and the correlation id carried through from the input when present.
 */
public final class ProvenanceHeaders {

    /** Producing product ({@code domain/name}). */
    public static final String PRODUCT = DeadLetterHeaders.PRODUCT;
    /** Contract version of the producing product. */
    public static final String CONTRACT_VERSION = DeadLetterHeaders.CONTRACT_VERSION;
    /** Input topic of the record that led to this one. */
    public static final String SOURCE_TOPIC = DeadLetterHeaders.SOURCE_TOPIC;
    /** Input partition of the record that led to this one. */
    public static final String SOURCE_PARTITION = DeadLetterHeaders.SOURCE_PARTITION;
    /** Input offset of the record that led to this one. */
    public static final String SOURCE_OFFSET = DeadLetterHeaders.SOURCE_OFFSET;
    /** Correlation id, kept as it came on the input record. */
    public static final String CORRELATION_ID = "meshwork.correlation.id";
    /** The conventional correlation header of services outside the mesh; copied into {@link #CORRELATION_ID}. */
    public static final String PLAIN_CORRELATION_ID = "correlation-id";

    private ProvenanceHeaders() {
    }

    /**
     * Stamps provenance on {@code headers}, which arrive as the input record's: replaces what an upstream product
     * stamped, keeps {@value #CORRELATION_ID}, and when only {@value #PLAIN_CORRELATION_ID} came in, carries its
     * value on as {@value #CORRELATION_ID}.
     */
    public static void write(Headers headers, SourcePosition source, String product, String contractVersion) {
        put(headers, PRODUCT, product);
        put(headers, CONTRACT_VERSION, contractVersion);
        put(headers, SOURCE_TOPIC, source.topic());
        put(headers, SOURCE_PARTITION, Integer.toString(source.partition()));
        put(headers, SOURCE_OFFSET, Long.toString(source.offset()));
        Header plain = headers.lastHeader(PLAIN_CORRELATION_ID);
        if (headers.lastHeader(CORRELATION_ID) == null && plain != null && plain.value() != null) {
            headers.add(CORRELATION_ID, plain.value());
        }
    }

    private static void put(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
