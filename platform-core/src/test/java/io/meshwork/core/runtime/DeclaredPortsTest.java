package io.meshwork.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshwork.core.DataProduct;
import io.meshwork.core.ProductContext;
import io.meshwork.core.contract.Contract;
import io.meshwork.core.contract.ContractLoader;
import io.meshwork.core.metrics.FlowMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class DeclaredPortsTest {

    private static final Contract CONTRACT = ContractLoader.parse(Path.of("contracts/shop/widgets.yaml"), """
            dataProduct: {name: widgets, domain: shop, owner: shop-team, version: 1.0.0}
            ports:
              inputs:
                - topic: shop.widgets.made
                - topic: shop.widget-types
            schema:
              type: object
              properties:
                id: {type: string}
            """);

    @Test
    void aTopologyUsingOnlyDeclaredPortsAssembles() {
        assertThatCode(() -> assemble(ctx -> ctx.output(ctx.input("shop.widgets.made", JsonNode.class)
                .merge(ctx.input("shop.widget-types", JsonNode.class))))).doesNotThrowAnyException();
    }

    @Test
    void readingAnUndeclaredTopicThroughThePortsFailsNamingTheTopic() {
        assertThatThrownBy(() -> assemble(ctx -> ctx.output(ctx.input("crm.customers", JsonNode.class))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reads topic 'crm.customers'");
    }

    @Test
    void readingAnUndeclaredTopicThroughTheBuilderFailsNamingTheTopic() {
        assertThatThrownBy(() -> assemble(ctx -> ctx.output(ctx.input("shop.widgets.made", JsonNode.class)
                .mapValues(JsonNode::toString)
                .merge(ctx.builder().stream("crm.customers", Consumed.with(Serdes.String(), Serdes.String()))))))
                .isInstanceOf(UndeclaredTopicsException.class)
                .hasMessage("product 'widgets' uses topics its contract contracts/shop/widgets.yaml does not declare:\n"
                        + "  reads topic 'crm.customers', which is not declared under ports.inputs "
                        + "[shop.widgets.made, shop.widget-types]");
    }

    @Test
    void writingAnUndeclaredTopicFailsNamingTheTopic() {
        assertThatThrownBy(() -> assemble(ctx -> {
            KStream<String, JsonNode> made = ctx.input("shop.widgets.made", JsonNode.class);
            made.mapValues(JsonNode::toString).to("shop.widgets.audit", Produced.with(Serdes.String(), Serdes.String()));
            ctx.output(made);
        }))
                .isInstanceOf(UndeclaredTopicsException.class)
                .hasMessageContaining("writes topic 'shop.widgets.audit', which is neither its output topic "
                        + "'shop.widgets' nor its dead-letter topic 'shop.widgets.dlq'");
    }

    @Test
    void aGlobalTableOnAnUndeclaredTopicFailsNamingTheTopic() {
        assertThatThrownBy(() -> assemble(ctx -> {
            ctx.builder().globalTable("crm.regions", Consumed.with(Serdes.String(), Serdes.String()));
            ctx.output(ctx.input("shop.widgets.made", JsonNode.class));
        }))
                .isInstanceOf(UndeclaredTopicsException.class)
                .hasMessageContaining("reads topic 'crm.regions'");
    }

    @Test
    void aPatternSubscriptionAndADynamicSinkCannotBeCheckedSoTheyFail() {
        assertThatThrownBy(() -> assemble(ctx -> {
            KStream<String, String> any = ctx.builder().stream(Pattern.compile("legacy\\..*"),
                    Consumed.with(Serdes.String(), Serdes.String()));
            any.to((key, value, record) -> "shop." + key, Produced.with(Serdes.String(), Serdes.String()));
            ctx.output(ctx.input("shop.widgets.made", JsonNode.class));
        }))
                .isInstanceOf(UndeclaredTopicsException.class)
                .satisfies(e -> assertThat(((UndeclaredTopicsException) e).mismatches())
                        .extracting(DeclaredPorts.Mismatch::kind)
                        .containsExactly(DeclaredPorts.Kind.PATTERN_INPUT, DeclaredPorts.Kind.DYNAMIC_OUTPUT,
                                DeclaredPorts.Kind.UNUSED_INPUT))
                .hasMessageContaining("reads topics matching pattern 'legacy\\..*'");
    }

    @Test
    void internalRepartitionAndForeignKeyJoinTopicsAreNotPorts() {
        assertThatCode(() -> assemble(ctx -> {
            KTable<String, String> types = ctx.input("shop.widget-types", JsonNode.class)
                    .mapValues(JsonNode::toString)
                    .toTable(Materialized.with(Serdes.String(), Serdes.String()));
            KTable<String, Long> perType = ctx.input("shop.widgets.made", JsonNode.class)
                    .groupBy((key, widget) -> widget.path("type").asString(), Grouped.with(Serdes.String(), null))
                    .count();
            ctx.output(perType.join(types, count -> "t-" + count, (count, type) -> type + count).toStream());
        })).doesNotThrowAnyException();
    }

    @Test
    void aDeclaredInputNeverReadIsReportedButDoesNotStopTheProduct() {
        ProductTopology assembled = assemble(ctx -> ctx.output(ctx.input("shop.widgets.made", JsonNode.class)));

        assertThat(DeclaredPorts.compare(CONTRACT, TopologyTopics.of(assembled.topology().describe())))
                .containsExactly(new DeclaredPorts.Mismatch(DeclaredPorts.Kind.UNUSED_INPUT, "shop.widget-types",
                        "declares input topic 'shop.widget-types' under ports.inputs but never reads it"));
    }

    private static ProductTopology assemble(Consumer<ProductContext> topology) {
        DataProduct product = new DataProduct() {
            @Override
            public String name() {
                return "widgets";
            }

            @Override
            public void topology(ProductContext ctx) {
                topology.accept(ctx);
            }
        };
        return ProductTopology.assemble(product, CONTRACT, ProductConfig.of("localhost:9092"),
                new FlowMetrics(new SimpleMeterRegistry()));
    }
}
