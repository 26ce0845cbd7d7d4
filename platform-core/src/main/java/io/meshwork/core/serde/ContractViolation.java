package io.meshwork.core.serde;

import io.meshwork.core.contract.Violation;
import java.util.List;
import org.apache.kafka.common.header.Headers;
import tools.jackson.databind.JsonNode;

/**
 * A record a consumer received that does not match the contract it reads under.
 *
 * @param topic      the topic it was read from
 * @param headers    its headers, including the producer's provenance ({@code meshwork.product},
 *                   {@code meshwork.contract.version}, ...); empty when the consumer passed none
 * @param value      its raw bytes
 * @param tree       the parsed JSON value, or null when the bytes are not JSON
 * @param violations every way it breaks the contract; for bytes that are not JSON, one violation with rule
 *                   {@code json}
 */
public record ContractViolation(String topic, Headers headers, byte[] value, JsonNode tree, List<Violation> violations) {

    public ContractViolation {
        violations = List.copyOf(violations);
    }
}
