package io.meshwork.core.runtime;

import io.meshwork.core.DataProduct;
import io.meshwork.core.ProductContext;
import io.meshwork.core.contract.Contract;
import io.meshwork.core.contract.ContractLocator;
import io.meshwork.core.serde.JsonSerde;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The restart tests' product (contract {@code contracts/testing/sales-per-minute.yaml}): sales per region and
 * minute, counted in the window store {@value #STORE} behind a repartition by region, like realtime-revenue. With
 * few regions, most of the store's partitions never hold a record.
 */
final class SalesPerMinuteProduct implements DataProduct {

    static final String SALES = "testing.sales";
    static final String OUTPUT = "testing.sales-per-minute";
    static final String STORE = "sales-per-minute";

    /** One sale, keyed by whoever sent it. */
    record Sale(String region, String at) {
    }

    /** The published count of one region and minute. */
    record SalesInMinute(String region, String minute, long sales) {
    }

    @Override
    public String name() {
        return "sales-per-minute";
    }

    @Override
    public void topology(ProductContext ctx) {
        ctx.output(ctx.input(SALES, Sale.class, sale -> Instant.parse(sale.at()))
                .groupBy((key, sale) -> sale.region(), Grouped.with("by-region", Serdes.String(), new JsonSerde<>(Sale.class)))
                .windowedBy(TimeWindows.ofSizeAndGrace(Duration.ofMinutes(1), Duration.ofHours(1)))
                // One output record per sale, not one per cache flush.
                .count(Materialized.<String, Long, WindowStore<Bytes, byte[]>>as(STORE).withCachingDisabled())
                .toStream()
                .map((window, sales) -> KeyValue.pair(window.key(),
                        new SalesInMinute(window.key(), window.window().startTime().toString(), sales))));
        ctx.queries().window(STORE, String.class);
    }

    /** The test contract, from this module's test resources. */
    static Contract contract() {
        try {
            Path contracts = Path.of(SalesPerMinuteProduct.class.getResource("/contracts").toURI());
            return new ContractLocator(contracts).load("sales-per-minute");
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
