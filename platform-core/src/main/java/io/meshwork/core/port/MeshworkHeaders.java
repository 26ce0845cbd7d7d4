package io.meshwork.core.port;

import io.meshwork.core.contract.Violation;
import io.meshwork.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.ProcessingContext;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * The headers the record path stamps. Every output record carries provenance: the producing product and contract
 * version, the input record's topic/partition/offset and the correlation id carried through. A dead-letter record
 * carries the same provenance plus why it is there. Values are UTF-8 strings.
 */
public final class MeshworkHeaders {

    /** Producing product ({@code domain/name}). */
    public static final String PRODUCT = "meshwork.product";
    /** Contract version of the producing product. */
    public static final String CONTRACT_VERSION = "meshwork.contract.version";
    /** Input topic of the record that led to this one. */
    public static final String SOURCE_TOPIC = "meshwork.source.topic";
    /** Input partition of the record that led to this one. */
    public static final String SOURCE_PARTITION = "meshwork.source.partition";
    /** Input offset of the record that led to this one. */
    public static final String SOURCE_OFFSET = "meshwork.source.offset";
    /** Correlation id, kept as it came on the input record. */
    public static final String CORRELATION_ID = "meshwork.correlation.id";
    /** The conventional correlation header of services outside the mesh; copied into {@link #CORRELATION_ID}. */
    public static final String PLAIN_CORRELATION_ID = "correlation-id";

    /** Dead letters: {@code deserialization}, {@code contract}, {@code processing} or {@code production}. */
    public static final String KIND = "meshwork.error.kind";
    /** Dead letters: the rule broken, a JSON Schema keyword or the kind of read or processing failure. */
    public static final String RULE = "meshwork.error.rule";
    /** Dead letters: JSON path of the offending value, {@code $} when the whole record is at fault. */
    public static final String PATH = "meshwork.error.path";
    /** Dead letters: human-readable reason. */
    public static final String MESSAGE = "meshwork.error.message";
    /**
     * Dead letters: present when the record's key and value were left out because Kafka refused them as too large;
     * says so, and the source headers say where to read the original.
     */
    public static final String VALUE_OMITTED = "meshwork.error.value.omitted";
    /** Dead letters: all violations as {@code [{"rule":..,"path":..,"message":..}]}; the single headers hold the first. */
    public static final String VIOLATIONS = "meshwork.error.violations";

    /** Source topic names as header values; a product reads a handful of topics. */
    private static final Map<String, byte[]> TOPICS = new ConcurrentHashMap<>();

    private MeshworkHeaders() {
    }

    /**
     * Where an input record was read. Unknown parts are {@code ""} and {@code -1} (records produced by punctuation
     * have no source).
     */
    record Source(String topic, int partition, long offset) {

        Source {
            topic = topic == null ? "" : topic;
        }

        static final Source UNKNOWN = new Source("", -1, -1L);
    }

    /**
     * Stamps provenance on {@code headers}, which arrive as the input record's: replaces what an upstream product
     * stamped, keeps {@value #CORRELATION_ID}, and when only {@value #PLAIN_CORRELATION_ID} came in, carries its
     * value on as {@value #CORRELATION_ID}.
     */
    static void provenance(Headers headers, Source source, String product, String contractVersion) {
        provenance(headers, source, Producer.of(product, contractVersion));
    }

    /** Like {@link #provenance(Headers, Source, String, String)}, with the producer's headers encoded once. */
    static void provenance(Headers headers, Source source, Producer producer) {
        provenance(headers, EncodedSource.of(source), producer);
    }

    /** Like {@link #provenance(Headers, Source, String, String)}, with every header value encoded beforehand. */
    static void provenance(Headers headers, EncodedSource source, Producer producer) {
        put(headers, PRODUCT, producer.product());
        put(headers, CONTRACT_VERSION, producer.contractVersion());
        put(headers, SOURCE_TOPIC, source.topic());
        put(headers, SOURCE_PARTITION, source.partition());
        put(headers, SOURCE_OFFSET, source.offset());
        Header plain = headers.lastHeader(PLAIN_CORRELATION_ID);
        if (headers.lastHeader(CORRELATION_ID) == null && plain != null && plain.value() != null) {
            headers.add(CORRELATION_ID, plain.value());
        }
    }

    /** Provenance plus why: replaces any earlier error headers; {@code violations} holds at least one. */
    static void deadLetter(Headers headers, DeadLetterReason reason, List<Violation> violations, Source source,
                           String product, String contractVersion) {
        provenance(headers, source, product, contractVersion);
        Violation first = violations.get(0);
        put(headers, KIND, reason.label());
        put(headers, RULE, first.rule());
        put(headers, PATH, first.path());
        put(headers, MESSAGE, first.message());
        put(headers, VIOLATIONS, Json.mapper().writeValueAsString(violations));
    }

    /** Marks a dead letter whose key and value were left out, saying why. */
    static void valueOmitted(Headers headers, String why) {
        put(headers, VALUE_OMITTED, why);
    }

    private static void put(Headers headers, String name, String value) {
        put(headers, name, utf8(value == null ? "" : value));
    }

    private static void put(Headers headers, String name, byte[] value) {
        headers.remove(name);
        headers.add(name, value);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A {@link Source} as header values. */
    record EncodedSource(Source source, byte[] topic, byte[] partition, byte[] offset) {

        static EncodedSource of(Source source) {
            return new EncodedSource(source, TOPICS.computeIfAbsent(source.topic(), MeshworkHeaders::utf8),
                    utf8(Integer.toString(source.partition())), utf8(Long.toString(source.offset())));
        }
    }

    /**
     * The source of the input record being processed, encoded once per input record: a stateful topology may publish
     * several records for one input (a windowed aggregation one per window), all with the same provenance.
     * One per processor; not thread-safe.
     */
    static final class SourceCache {

        private EncodedSource last = EncodedSource.of(Source.UNKNOWN);

        /** Where the record {@code context} is processing was read. */
        Source source(ProcessingContext context) {
            return encoded(context).source();
        }

        /** The same, as header values. */
        EncodedSource encoded(ProcessingContext context) {
            RecordMetadata metadata = context.recordMetadata().orElse(null);
            Source source = metadata == null ? Source.UNKNOWN
                    : new Source(metadata.topic(), metadata.partition(), metadata.offset());
            if (!source.equals(last.source())) {
                last = EncodedSource.of(source);
            }
            return last;
        }
    }

    /** The producing product and its contract version, as header values: encoded once per product, not per record. */
    record Producer(byte[] product, byte[] contractVersion) {

        static Producer of(String product, String contractVersion) {
            return new Producer(utf8(product), utf8(contractVersion));
        }
    }
}
