package io.meshwork.test;

import io.meshwork.core.port.MeshworkHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Which input records a stateless product delivered, from the provenance headers every output and dead-letter record
 * carries ({@link MeshworkHeaders#SOURCE_PARTITION}, {@link MeshworkHeaders#SOURCE_OFFSET}): each input position
 * should appear exactly once under {@code exactly_once_v2}, at least once otherwise.
 */
public final class DeliveryAudit {

    private final Map<String, Integer> delivered = new HashMap<>();

    private DeliveryAudit() {
    }

    /** Audits everything read from the output and dead-letter topics (read with {@code read_committed}). */
    public static DeliveryAudit of(Collection<? extends ConsumerRecord<?, ?>> records) {
        DeliveryAudit audit = new DeliveryAudit();
        for (ConsumerRecord<?, ?> record : records) {
            audit.delivered.merge(position(header(record, MeshworkHeaders.SOURCE_PARTITION),
                    header(record, MeshworkHeaders.SOURCE_OFFSET)), 1, Integer::sum);
        }
        return audit;
    }

    /** {@code partition@offset}, the form positions are reported in. */
    public static String position(int partition, long offset) {
        return partition + "@" + offset;
    }

    /** Input positions delivered more than once. */
    public Set<String> duplicates() {
        Set<String> twice = new TreeSet<>();
        delivered.forEach((position, times) -> {
            if (times > 1) {
                twice.add(position);
            }
        });
        return twice;
    }

    /** Those of {@code produced} never delivered. */
    public List<String> missing(Collection<String> produced) {
        List<String> missing = new ArrayList<>();
        for (String position : produced) {
            if (!delivered.containsKey(position)) {
                missing.add(position);
            }
        }
        return missing;
    }

    /** How many records were audited. */
    public int records() {
        return delivered.values().stream().mapToInt(Integer::intValue).sum();
    }

    private static String position(String partition, String offset) {
        return partition + "@" + offset;
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? "?" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
