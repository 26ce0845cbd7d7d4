package io.meshwork.products.revenue;

import io.meshwork.core.DataProduct;
import io.meshwork.core.ProductContext;
import io.meshwork.core.runtime.Meshwork;
import io.meshwork.core.serde.JsonSerde;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.state.WindowStore;

/**
 * analytics/realtime-revenue: per region, 5-minute windows advancing every minute with 10 minutes of grace (the
 * article's {@code window(timestamp, "5 minutes", "1 minute")} with a 10-minute watermark); total revenue, order
 * count and average order value. Every update of a window is published (the article's {@code outputMode("update")});
 * the windows are queryable by region and time range in the {@value #STORE} store.
 */
public final class RealtimeRevenue implements DataProduct {

    /** The orders product's output topic. */
    public static final String ORDERS = "commerce.orders";
    /** The window store served on the query port: region to its windows' {@link RevenueTotals}. */
    public static final String STORE = "revenue-by-region";
    /** Window size. */
    public static final Duration WINDOW = Duration.ofMinutes(5);
    /** How far windows hop: a new window starts every minute, so each order is in five windows. */
    public static final Duration ADVANCE = Duration.ofMinutes(1);
    /** How late (behind the newest order seen) an order may be and still update its windows. */
    public static final Duration GRACE = Duration.ofMinutes(10);
    /** How long windows stay queryable; longer than the grace, so the query port shows the last day. */
    public static final Duration QUERYABLE_FOR = Duration.ofDays(1);

    @Override
    public String name() {
        return "realtime-revenue";
    }

    @Override
    public void topology(ProductContext ctx) {
        KStream<String, RegionRevenue> updates = ctx.input(ORDERS, Order.class, Order::placedAt)
                .mapValues(Order::countable, Named.as("countable-orders"))
                .groupBy((customer, order) -> order.region(),
                        Grouped.with("orders-by-region", Serdes.String(), new JsonSerde<>(Order.class)))
                .windowedBy(TimeWindows.ofSizeAndGrace(WINDOW, GRACE).advanceBy(ADVANCE))
                .aggregate(RevenueTotals::none, (region, order, totals) -> totals.add(order.totalAmount()),
                        Named.as("revenue-per-window"),
                        Materialized.<String, RevenueTotals, WindowStore<Bytes, byte[]>>as(STORE)
                                .withKeySerde(Serdes.String())
                                .withValueSerde(new JsonSerde<>(RevenueTotals.class))
                                .withRetention(QUERYABLE_FOR)
                                // one output record per update, not one per cache flush
                                .withCachingDisabled())
                .toStream(Named.as("window-updates"))
                .map((window, totals) -> KeyValue.pair(window.key(), RegionRevenue.of(window, totals)),
                        Named.as("region-revenue"));
        ctx.output(updates);
        ctx.queries().window(STORE, String.class);
    }

    public static void main(String[] args) {
        Meshwork.run(new RealtimeRevenue());
    }
}
