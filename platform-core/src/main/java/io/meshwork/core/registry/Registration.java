package io.meshwork.core.registry;

import io.meshwork.core.contract.Contract;
import io.meshwork.core.contract.ContractDocument;
import io.meshwork.core.contract.ContractLoader;
import io.meshwork.core.json.Json;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * What a running product registers on {@value ContractRegistry#TOPIC}, keyed by {@link #product()}: its contract in
 * full, the facts people look for first, and where its query port answers.
 *
 * @param product         {@code <domain>/<name>}, the record key
 * @param domain          the owning domain
 * @param name            the product's name
 * @param version         the contract version
 * @param owner           the owning team
 * @param classification  the contract's access classification
 * @param outputTopic     the topic it publishes
 * @param deadLetterTopic where its rejected records go
 * @param inputs          the topics it reads, with the product publishing each when the contract names it
 * @param sla             the SLA targets as the contract writes them ({@code freshness}, {@code availability},
 *                        {@code qualityScore})
 * @param queryPortUrl    the advertised URL of this instance's query port ({@code /product}, {@code /metrics}, stores)
 * @param instanceId      this instance: its {@code application.server}
 * @param registeredAt    when it started
 * @param contract        the whole contract, in the contract format ({@link ContractDocument})
 */
public record Registration(String product, String domain, String name, String version, String owner,
                           String classification, String outputTopic, String deadLetterTopic, List<Input> inputs,
                           Map<String, Object> sla, String queryPortUrl, String instanceId, Instant registeredAt,
                           JsonNode contract) {

    /**
     * A topic a product reads.
     *
     * @param topic   the topic
     * @param product {@code <domain>/<name>} of the product publishing it when the contract says so, else null
     */
    public record Input(String topic, String product) {
    }

    public Registration {
        inputs = List.copyOf(inputs);
        sla = Map.copyOf(sla);
    }

    /** The registration of an instance of {@code contract} serving its query port at {@code queryPortUrl}. */
    public static Registration of(Contract contract, String queryPortUrl, String instanceId, Instant registeredAt) {
        JsonNode document = ContractDocument.of(contract);
        @SuppressWarnings("unchecked")
        Map<String, Object> sla = Json.mapper().convertValue(document.path("sla"), Map.class);
        List<Input> inputs = contract.ports().inputs().stream()
                .map(input -> new Input(input.topic(), input.product().orElse(null))).toList();
        return new Registration(contract.identity().qualifiedName(), contract.domain(), contract.name(),
                contract.version(), contract.identity().owner(), contract.access().classification(),
                contract.outputTopic(), contract.ports().deadLetter(), inputs, sla, queryPortUrl, instanceId,
                registeredAt, document);
    }

    /**
     * The registered contract, as the product loaded it.
     *
     * @throws io.meshwork.core.contract.ContractException if what was registered is not a valid contract
     */
    public Contract toContract() {
        Map<String, String> topics = new LinkedHashMap<>();
        inputs.stream().filter(input -> input.product() != null).forEach(input -> topics.put(input.product(), input.topic()));
        return ContractLoader.read(Path.of(ContractRegistry.TOPIC, product + ".json"), contract,
                product -> Optional.ofNullable(topics.get(product)));
    }

    /** The record value: this registration as JSON. */
    public String toJson() {
        return Json.mapper().writeValueAsString(this);
    }

    /** A record value read back. */
    public static Registration fromJson(String json) {
        return Json.mapper().readValue(json, Registration.class);
    }
}
