package io.meshwork.core.deadletter;

import io.meshwork.core.json.Json;
import io.meshwork.core.validation.Violation;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.common.header.Headers;

/**
 * The headers that say why a record is on the dead-letter topic and where it came from. Values are UTF-8
 * strings; {@value #VIOLATIONS} holds every violation as a JSON array, the single-valued headers the first one.
 */
public final class DeadLetterHeaders {

    /** {@code deserialization}, {@code contract} or {@code processing}. */
    public static final String KIND = "meshwork.error.kind";
    /** The rule broken: a JSON Schema keyword, or the kind of read or processing failure. */
    public static final String RULE = "meshwork.error.rule";
    /** JSON path of the offending value, {@code $} when the whole record is at fault. */
    public static final String PATH = "meshwork.error.path";
    /** Human-readable reason. */
    public static final String MESSAGE = "meshwork.error.message";
    /** All violations as {@code [{"rule":..,"path":..,"message":..}]}. */
    public static final String VIOLATIONS = "meshwork.error.violations";
    /** Topic of the input record that led here. */
    public static final String SOURCE_TOPIC = "meshwork.source.topic";
    /** Partition of the input record that led here. */
    public static final String SOURCE_PARTITION = "meshwork.source.partition";
    /** Offset of the input record that led here. */
    public static final String SOURCE_OFFSET = "meshwork.source.offset";
    /** The product that dead-lettered the record. */
    public static final String PRODUCT = "meshwork.product";
    /** The contract version of that product. */
    public static final String CONTRACT_VERSION = "meshwork.contract.version";

    private DeadLetterHeaders() {
    }

    /**
     * Replaces any earlier error headers on {@code headers} with these.
     *
     * @param violations at least one violation; the first fills the single-valued headers
     */
    public static void write(Headers headers, DeadLetterReason reason, List<Violation> violations,
                             SourcePosition source, String product, String contractVersion) {
        Violation first = violations.get(0);
        put(headers, KIND, reason.label());
        put(headers, RULE, first.rule());
        put(headers, PATH, first.path());
        put(headers, MESSAGE, first.message());
        put(headers, VIOLATIONS, Json.mapper().writeValueAsString(violations));
        put(headers, SOURCE_TOPIC, source.topic());
        put(headers, SOURCE_PARTITION, Integer.toString(source.partition()));
        put(headers, SOURCE_OFFSET, Long.toString(source.offset()));
        put(headers, PRODUCT, product);
        put(headers, CONTRACT_VERSION, contractVersion);
    }

    static void put(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, (value == null ? "" : value).getBytes(StandardCharsets.UTF_8));
    }
}
