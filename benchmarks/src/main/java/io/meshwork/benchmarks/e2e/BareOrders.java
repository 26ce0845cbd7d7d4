package io.meshwork.benchmarks.e2e;

import io.meshwork.products.orders.Order;
import io.meshwork.products.orders.OrderPlaced;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The baseline: the orders transformation as anyone would write it in bare Kafka Streams ({@code readValue →
 * Order.from → writeValueAsBytes}), no contract, no metrics, no dead letters. Configured like a product, by
 * its {@code KAFKA_*} environment ({@link BareApp}).
 */
public final class BareOrders {

    static final String OUTPUT = "bench.orders.bare";

    private BareOrders() {
    }

    public static void main(String[] args) throws InterruptedException {
        JsonMapper mapper = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("commerce.orders.placed", Consumed.with(Serdes.String(), Serdes.ByteArray()))
                .mapValues(bytes -> mapper.writeValueAsBytes(Order.from(mapper.readValue(bytes, OrderPlaced.class))))
                .to(OUTPUT, Produced.with(Serdes.String(), Serdes.ByteArray()));
        BareApp.run(builder);
    }
}
