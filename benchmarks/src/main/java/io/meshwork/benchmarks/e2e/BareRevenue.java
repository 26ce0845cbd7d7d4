package io.meshwork.benchmarks.e2e;

import io.meshwork.products.revenue.Order;
import io.meshwork.products.revenue.RealtimeRevenue;
import io.meshwork.products.revenue.RegionRevenue;
import io.meshwork.products.revenue.RevenueTotals;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.state.WindowStore;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The baseline of realtime-revenue: the same windowed aggregation in bare Kafka Streams (group by region, 5-minute
 * windows advancing every minute with 10 minutes of grace, caching off so every update is published, one day of
 * retention), with plain Jackson serdes and the Kafka record timestamp as event time: no contract, no metrics, no
 * dead letters. Configured by the same environment as {@link BareOrders}.
 */
public final class BareRevenue {

    static final String OUTPUT = "bench.revenue.bare";
    /** The window store, under another name than the product's, queried by {@link RevenueQueryHost}'s bare handler. */
    static final String STORE = "bare-revenue-by-region";

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private BareRevenue() {
    }

    static StreamsBuilder topology() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(RealtimeRevenue.ORDERS, Consumed.with(Serdes.String(), json(Order.class)))
                .groupBy((customer, order) -> order.region(), Grouped.with(Serdes.String(), json(Order.class)))
                .windowedBy(TimeWindows.ofSizeAndGrace(RealtimeRevenue.WINDOW, RealtimeRevenue.GRACE)
                        .advanceBy(RealtimeRevenue.ADVANCE))
                .aggregate(RevenueTotals::none, (region, order, totals) -> totals.add(order.totalAmount()),
                        Materialized.<String, RevenueTotals, WindowStore<Bytes, byte[]>>as(STORE)
                                .withKeySerde(Serdes.String())
                                .withValueSerde(json(RevenueTotals.class))
                                .withRetention(RealtimeRevenue.QUERYABLE_FOR)
                                .withCachingDisabled())
                .toStream()
                .map((window, totals) -> KeyValue.pair(window.key(), new RegionRevenue(window.key(),
                        window.window().startTime(), window.window().endTime(), totals.totalRevenue(),
                        totals.orderCount(), totals.averageOrderValue())))
                .to(OUTPUT, Produced.with(Serdes.String(), json(RegionRevenue.class)));
        return builder;
    }

    static <T> Serde<T> json(Class<T> type) {
        return Serdes.serdeFrom((topic, value) -> value == null ? null : MAPPER.writeValueAsBytes(value),
                (topic, bytes) -> bytes == null ? null : MAPPER.readValue(bytes, type));
    }

    public static void main(String[] args) throws InterruptedException {
        BareApp.run(topology());
    }
}
