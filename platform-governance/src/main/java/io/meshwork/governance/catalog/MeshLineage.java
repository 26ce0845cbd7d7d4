package io.meshwork.governance.catalog;

import io.meshwork.core.contract.Contract;
import io.meshwork.core.contract.Ports;
import io.meshwork.core.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The mesh as a graph, from the contracts' ports: products and the external topics they read (or publish with no
 * product reading them) are nodes; an edge is a topic flowing from its producer to a product reading it.
 */
public final class MeshLineage {

    /**
     * A product or an external topic.
     *
     * @param id      {@code domain/name} for a product, the topic name for a topic
     * @param product whether this is a product
     * @param domain  the product's domain; the topic's first segment for a topic
     * @param version the product's contract version; empty for a topic
     */
    public record Node(String id, boolean product, String domain, String version) {
    }

    /**
     * Records flowing on {@code topic} from {@code from} to {@code to} (node ids).
     */
    public record Edge(String from, String to, String topic) {
    }

    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final List<Edge> edges = new ArrayList<>();

    private MeshLineage() {
    }

    /** The graph of {@code catalog}. */
    public static MeshLineage of(Catalog catalog) {
        MeshLineage graph = new MeshLineage();
        for (Contract c : catalog.products()) {
            graph.nodes.put(c.identity().qualifiedName(), new Node(c.identity().qualifiedName(), true, c.domain(), c.version()));
        }
        for (Contract c : catalog.products()) {
            for (Ports.Input input : c.ports().inputs()) {
                String from = input.product().or(() -> catalog.producerOf(input.topic()).map(p -> p.identity().qualifiedName()))
                        .orElseGet(() -> graph.topic(input.topic()));
                graph.edges.add(new Edge(from, c.identity().qualifiedName(), input.topic()));
            }
            if (catalog.consumersOf(c).isEmpty()) {
                graph.edges.add(new Edge(c.identity().qualifiedName(), graph.topic(c.outputTopic()), c.outputTopic()));
            }
        }
        return graph;
    }

    private String topic(String name) {
        nodes.putIfAbsent(name, new Node(name, false, name.contains(".") ? name.substring(0, name.indexOf('.')) : name, ""));
        return name;
    }

    /** Products first, then topics, each in first-seen order. */
    public List<Node> nodes() {
        return nodes.values().stream().sorted((a, b) -> Boolean.compare(b.product(), a.product())).toList();
    }

    /** The edges, by reading product. */
    public List<Edge> edges() {
        return List.copyOf(edges);
    }

    /** A Mermaid flowchart: products grouped by domain, external topics as stadiums, edges labelled with topics. */
    public String toMermaid() {
        StringBuilder out = new StringBuilder("flowchart LR\n");
        byDomain().forEach((domain, products) -> {
            out.append("  subgraph ").append(mermaidId("domain " + domain)).append("[\"").append(domain).append("\"]\n");
            products.forEach(p -> out.append("    ").append(mermaidId(p.id())).append("[\"").append(p.id())
                    .append("<br/>v").append(p.version()).append("\"]\n"));
            out.append("  end\n");
        });
        nodes().stream().filter(n -> !n.product()).forEach(t -> out.append("  ").append(mermaidId(t.id()))
                .append("([\"").append(t.id()).append("\"])\n"));
        edges.forEach(e -> out.append("  ").append(mermaidId(e.from())).append(" -- \"").append(e.topic())
                .append("\" --> ").append(mermaidId(e.to())).append('\n'));
        return out.toString();
    }

    /** A Graphviz digraph: one cluster per domain, external topics as cylinders, edges labelled with topics. */
    public String toDot() {
        StringBuilder out = new StringBuilder("digraph mesh {\n  rankdir=LR;\n  node [shape=box, style=rounded];\n");
        byDomain().forEach((domain, products) -> {
            out.append("  subgraph ").append(quote("cluster_" + domain)).append(" {\n    label=").append(quote(domain))
                    .append(";\n");
            products.forEach(p -> out.append("    ").append(quote(p.id())).append(" [label=")
                    .append(quote(p.id() + "\\nv" + p.version())).append("];\n"));
            out.append("  }\n");
        });
        nodes().stream().filter(n -> !n.product()).forEach(t -> out.append("  ").append(quote(t.id()))
                .append(" [shape=cylinder, style=solid];\n"));
        edges.forEach(e -> out.append("  ").append(quote(e.from())).append(" -> ").append(quote(e.to()))
                .append(" [label=").append(quote(e.topic())).append("];\n"));
        return out.append("}\n").toString();
    }

    /** {@code {"nodes": [...], "edges": [...]}}. */
    public ObjectNode toJson() {
        ObjectNode root = Json.mapper().createObjectNode();
        ArrayNode nodeList = root.putArray("nodes");
        nodes().forEach(n -> nodeList.addObject().put("id", n.id()).put("kind", n.product() ? "product" : "topic")
                .put("domain", n.domain()).put("version", n.version()));
        ArrayNode edgeList = root.putArray("edges");
        edges.forEach(e -> edgeList.addObject().put("from", e.from()).put("to", e.to()).put("topic", e.topic()));
        return root;
    }

    private Map<String, List<Node>> byDomain() {
        Map<String, List<Node>> domains = new TreeMap<>();
        nodes.values().stream().filter(Node::product)
                .forEach(p -> domains.computeIfAbsent(p.domain(), d -> new ArrayList<>()).add(p));
        return domains;
    }

    /** A Mermaid node id: letters, digits and '_', with a prefix so a product and a topic never collide. */
    private String mermaidId(String id) {
        Node node = nodes.get(id);
        return (node == null ? "d_" : node.product() ? "p_" : "t_") + id.replaceAll("[^A-Za-z0-9]", "_");
    }

    private static String quote(String text) {
        return "\"" + text.replace("\"", "\\\"") + "\"";
    }
}
