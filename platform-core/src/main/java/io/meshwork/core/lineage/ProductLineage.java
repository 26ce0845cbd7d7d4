package io.meshwork.core.lineage;

import io.meshwork.core.contract.Contract;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A product's place in the lineage graph, from its contract: one edge from each input topic to the output topic,
 * datasets named as OpenLineage names Kafka topics. Served on {@code GET /lineage}.
 *
 * @param product   {@code domain/name}
 * @param namespace the datasets' namespace, {@code kafka://host:port}
 * @param inputs    the input topics, with the producing product where the contract names it
 * @param output    the output topic
 * @param edges     input → output edges
 */
public record ProductLineage(String product, String namespace, List<Dataset> inputs, Dataset output, List<Edge> edges) {

    /**
     * A topic in the graph.
     *
     * @param topic   the topic
     * @param product the data product publishing it ({@code domain/name}), or null when none is declared
     */
    public record Dataset(String topic, String product) {
    }

    /**
     * One input → output edge, as {@code dataproduct_lineage_edge{source,target}}.
     *
     * @param source input topic
     * @param target output topic
     */
    public record Edge(String source, String target) {
    }

    /** The graph of {@code contract}'s product on the cluster reached through {@code bootstrapServers}. */
    public static ProductLineage of(Contract contract, String bootstrapServers) {
        List<Dataset> inputs = contract.ports().inputs().stream()
                .map(input -> new Dataset(input.topic(), input.product().orElse(null))).toList();
        List<Edge> edges = contract.ports().inputTopics().stream().map(topic -> new Edge(topic, contract.outputTopic())).toList();
        return new ProductLineage(contract.identity().qualifiedName(), KafkaDatasets.namespace(bootstrapServers), inputs,
                new Dataset(contract.outputTopic(), contract.identity().qualifiedName()), edges);
    }

    /** The graph as a JSON-ready map. */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("product", product);
        json.put("namespace", namespace);
        json.put("inputs", inputs.stream().map(ProductLineage::dataset).toList());
        json.put("output", dataset(output));
        json.put("edges", edges);
        return json;
    }

    private static Map<String, Object> dataset(Dataset dataset) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("topic", dataset.topic());
        if (dataset.product() != null) {
            json.put("product", dataset.product());
        }
        return json;
    }
}
