package io.meshwork.core.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshwork.core.json.Json;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.Test;

class TopologyViewTest {

    private final TopologyView view = new TopologyView(topology());

    @Test
    void jsonListsSubTopologiesWithTheirSourcesProcessorsAndSinks() {
        String json = Json.mapper().writeValueAsString(view.toJson());
        assertThat(json).contains(
                "{\"name\":\"clicks\",\"type\":\"source\",\"topics\":[\"shop.clicks\"],\"successors\":[\"by-page\"]}",
                "\"type\":\"processor\",\"stores\":[\"clicks-per-page\"]",
                "{\"name\":\"to-counts\",\"type\":\"sink\",\"topic\":\"shop.counts\",\"successors\":[]}",
                "{\"name\":\"routed\",\"type\":\"sink\",\"topicChosenPerRecord\":true,\"successors\":[]}",
                "\"globalStores\":[{\"id\":");
        assertThat((List<?>) view.toJson().get("subtopologies")).hasSize(3);
    }

    @Test
    void mermaidDrawsTopicsStoresAndTheFlowBetweenThem() {
        String mermaid = view.toMermaid();
        assertThat(mermaid).startsWith("flowchart LR\n")
                .contains("subgraph sub1[\"sub-topology 1\"]", "subgraph sub2[\"sub-topology 2\"]", "subgraph global0[")
                .contains("([\"shop.clicks\"])", "([\"shop.counts\"])", "[(\"clicks-per-page\")]")
                .contains("n0[\"clicks\"]");
        String clicks = id(mermaid, "([\"shop.clicks\"])");
        assertThat(mermaid).contains("  " + clicks + " --> n0\n");
        assertThat(mermaid).contains("(topic chosen per record)");
    }

    private static String id(String mermaid, String shape) {
        return mermaid.lines().filter(l -> l.endsWith(shape)).findFirst().orElseThrow().strip().replace(shape, "");
    }

    private static org.apache.kafka.streams.TopologyDescription topology() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.globalTable("shop.pages", Consumed.with(Serdes.String(), Serdes.String()), Materialized.as("pages"));
        builder.stream("shop.clicks", Consumed.with(Serdes.String(), Serdes.String()).withName("clicks"))
                .selectKey((k, v) -> v, Named.as("by-page"))
                .groupByKey()
                .count(Named.as("count"), Materialized.as("clicks-per-page"))
                .toStream(Named.as("changes"))
                .to("shop.counts", Produced.with(Serdes.String(), Serdes.Long()).withName("to-counts"));
        builder.stream("shop.misc", Consumed.with(Serdes.String(), Serdes.String()))
                .to((key, value, context) -> "shop." + value, Produced.as("routed"));
        return builder.build().describe();
    }
}
