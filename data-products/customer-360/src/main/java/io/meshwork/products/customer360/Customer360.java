package io.meshwork.products.customer360;

import io.meshwork.core.DataProduct;
import io.meshwork.core.ProductContext;
import io.meshwork.core.runtime.Meshwork;
import io.meshwork.core.serde.JsonSerde;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * marketing/customer-360: one profile per customer from the orders product and the CRM's {@value #CRM} topic:
 * lifetime value, order count and frequency, last activity, preferences and the article's segment (see
 * {@link Segmentation}, and {@link ProfileUpdater} for what "now" is). Each change of a profile is published; the
 * current profiles are queryable by customer id in the {@value #PROFILES} store.
 */
public final class Customer360 implements DataProduct {

    /** The orders product's output topic. */
    public static final String ORDERS = "commerce.orders";
    /** The CRM's customer events. */
    public static final String CRM = "crm.customers";
    /** Key-value store served on the query port: customer id to its current {@link CustomerProfile}. */
    public static final String PROFILES = "customer-profiles";
    /** Internal store: customer id to the times of their orders of the last 365 days. */
    public static final String ORDER_HISTORY = "customer-order-history";
    /** How often, in stream time, every profile's segment is re-evaluated. */
    public static final Duration RESEGMENT_EVERY = Duration.ofDays(1);

    @Override
    public String name() {
        return "customer-360";
    }

    @Override
    public void topology(ProductContext ctx) {
        ctx.builder()
                .addStateStore(Stores.timestampedKeyValueStoreBuilder(Stores.persistentTimestampedKeyValueStore(PROFILES),
                        Serdes.String(), new JsonSerde<>(CustomerProfile.class)))
                .addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ORDER_HISTORY),
                        Serdes.String(), new JsonSerde<>(OrderHistory.class)));
        KStream<String, CustomerEvent> orders = ctx.input(ORDERS, Order.class, Order::placedAt)
                .map((key, order) -> KeyValue.pair(order.customerId(), CustomerEvent.of(order)), Named.as("order-events"));
        KStream<String, CustomerEvent> crm = ctx.input(CRM, CrmEvent.class, CrmEvent::at)
                .map((key, event) -> KeyValue.pair(event.customerId(), CustomerEvent.of(event)), Named.as("crm-events"));
        // Repartitioned by customer id here, so profiles never depend on how the two input topics are partitioned.
        KStream<String, CustomerProfile> profiles = orders.merge(crm, Named.as("customer-events"))
                .repartition(Repartitioned.<String, CustomerEvent>as("by-customer")
                        .withKeySerde(Serdes.String())
                        .withValueSerde(new JsonSerde<>(CustomerEvent.class))
                        .withNumberOfPartitions(ctx.contract().ports().output().partitions()))
                .process(() -> new ProfileUpdater(RESEGMENT_EVERY), Named.as("profiles"), PROFILES, ORDER_HISTORY);
        ctx.output(profiles);
        ctx.queries().keyValue(PROFILES, String.class);
    }

    public static void main(String[] args) {
        Meshwork.run(new Customer360());
    }
}
