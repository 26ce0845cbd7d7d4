package io.meshwork.core.manifest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.kafka.streams.TopologyDescription;

/**
 * A product's Kafka Streams topology, as JSON (sub-topologies with their source, processor and sink nodes) and as
 * a Mermaid flowchart: topics are stadiums {@code ([topic])}, state stores cylinders {@code [(store)]},
 * processors boxes, grouped by sub-topology.
 */
public final class TopologyView {

    private static final Comparator<TopologyDescription.Node> NODE_ORDER =
            Comparator.comparing((TopologyDescription.Node n) -> kindOrder(n)).thenComparing(TopologyDescription.Node::name);

    private final TopologyDescription description;

    public TopologyView(TopologyDescription description) {
        this.description = description;
    }

    /** The topology as a JSON-ready map: {@code subtopologies} and {@code globalStores}. */
    public Map<String, Object> toJson() {
        List<Map<String, Object>> subtopologies = new ArrayList<>();
        for (TopologyDescription.Subtopology subtopology : subtopologies()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("id", subtopology.id());
            json.put("nodes", nodes(subtopology).stream().map(TopologyView::node).toList());
            subtopologies.add(json);
        }
        List<Map<String, Object>> globalStores = new ArrayList<>();
        for (TopologyDescription.GlobalStore store : description.globalStores()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("id", store.id());
            json.put("source", node(store.source()));
            json.put("processor", node(store.processor()));
            globalStores.add(json);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("subtopologies", subtopologies);
        json.put("globalStores", globalStores);
        return json;
    }

    /** The topology as a Mermaid {@code flowchart LR}. */
    public String toMermaid() {
        Ids ids = new Ids();
        StringBuilder out = new StringBuilder("flowchart LR\n");
        List<String> links = new ArrayList<>();
        for (TopologyDescription.Subtopology subtopology : subtopologies()) {
            out.append("  subgraph sub").append(subtopology.id()).append("[\"sub-topology ")
                    .append(subtopology.id()).append("\"]\n");
            for (TopologyDescription.Node node : nodes(subtopology)) {
                out.append("    ").append(ids.node(node.name())).append("[\"").append(label(node.name())).append("\"]\n");
                links(node, ids, links);
            }
            out.append("  end\n");
        }
        for (TopologyDescription.GlobalStore store : description.globalStores()) {
            out.append("  subgraph global").append(store.id()).append("[\"global store ").append(store.id()).append("\"]\n");
            for (TopologyDescription.Node node : List.of(store.source(), store.processor())) {
                out.append("    ").append(ids.node(node.name())).append("[\"").append(label(node.name())).append("\"]\n");
                links(node, ids, links);
            }
            out.append("  end\n");
        }
        ids.topics.forEach((topic, id) -> out.append("  ").append(id).append("([\"").append(label(topic)).append("\"])\n"));
        ids.stores.forEach((store, id) -> out.append("  ").append(id).append("[(\"").append(label(store)).append("\")]\n"));
        links.forEach(link -> out.append("  ").append(link).append('\n'));
        return out.toString();
    }

    private static void links(TopologyDescription.Node node, Ids ids, List<String> links) {
        String id = ids.node(node.name());
        if (node instanceof TopologyDescription.Source source) {
            if (source.topicSet() != null) {
                new TreeSet<>(source.topicSet()).forEach(topic -> links.add(ids.topic(topic) + " --> " + id));
            }
            if (source.topicPattern() != null) {
                links.add(ids.topic("/" + source.topicPattern().pattern() + "/") + " --> " + id);
            }
        }
        if (node instanceof TopologyDescription.Processor processor) {
            new TreeSet<>(processor.stores()).forEach(store -> links.add(id + " --- " + ids.store(store)));
        }
        if (node instanceof TopologyDescription.Sink sink) {
            links.add(id + " --> " + ids.topic(sink.topic() != null ? sink.topic() : "(topic chosen per record)"));
        }
        node.successors().stream().map(TopologyDescription.Node::name).sorted()
                .forEach(next -> links.add(id + " --> " + ids.node(next)));
    }

    private List<TopologyDescription.Subtopology> subtopologies() {
        return description.subtopologies().stream()
                .sorted(Comparator.comparingInt(TopologyDescription.Subtopology::id)).toList();
    }

    private static List<TopologyDescription.Node> nodes(TopologyDescription.Subtopology subtopology) {
        return subtopology.nodes().stream().sorted(NODE_ORDER).toList();
    }

    private static Map<String, Object> node(TopologyDescription.Node node) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", node.name());
        if (node instanceof TopologyDescription.Source source) {
            json.put("type", "source");
            json.put("topics", source.topicSet() == null ? List.of() : new TreeSet<>(source.topicSet()));
            if (source.topicPattern() != null) {
                json.put("topicPattern", source.topicPattern().pattern());
            }
        } else if (node instanceof TopologyDescription.Sink sink) {
            json.put("type", "sink");
            if (sink.topic() != null) {
                json.put("topic", sink.topic());
            } else {
                json.put("topicChosenPerRecord", true);
            }
        } else if (node instanceof TopologyDescription.Processor processor) {
            json.put("type", "processor");
            json.put("stores", new TreeSet<>(processor.stores()));
        }
        json.put("successors", node.successors().stream().map(TopologyDescription.Node::name).sorted().toList());
        return json;
    }

    private static int kindOrder(TopologyDescription.Node node) {
        return node instanceof TopologyDescription.Source ? 0 : node instanceof TopologyDescription.Sink ? 2 : 1;
    }

    /** Mermaid labels are quoted; a quote inside one is written as an entity. */
    private static String label(String text) {
        return text.replace("\"", "#quot;");
    }

    /** Stable Mermaid ids for nodes, topics and stores, whatever characters their names hold. */
    private static final class Ids {
        private final Map<String, String> nodes = new LinkedHashMap<>();
        private final Map<String, String> topics = new LinkedHashMap<>();
        private final Map<String, String> stores = new LinkedHashMap<>();

        String node(String name) {
            return nodes.computeIfAbsent(name, n -> "n" + nodes.size());
        }

        String topic(String name) {
            return topics.computeIfAbsent(name, n -> "t" + topics.size());
        }

        String store(String name) {
            return stores.computeIfAbsent(name, n -> "s" + stores.size());
        }
    }
}
