package io.meshwork.core.query;

import io.meshwork.core.DataProduct;
import io.meshwork.core.ProductContext;
import io.meshwork.core.contract.Contract;
import io.meshwork.core.contract.ContractLocator;
import io.meshwork.core.serde.JsonSerde;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.TimeWindows;

/**
 * Test product exposing three stores: visits per page (String keys), per page and minute (a window store) and per
 * user (Long keys, behind a repartition).
 */
final class PageVisitsProduct implements DataProduct {

    static final String PAGE_VIEWS = "web.page-views";
    static final String BY_PAGE = "visits-by-page";
    static final String PER_MINUTE = "visits-per-minute";
    static final String BY_USER = "visits-by-user";

    /** A page view, keyed by page. */
    record PageView(String page, long userId, String at) {
    }

    /** The published count of one page. */
    record PageVisits(String page, long visits) {
    }

    @Override
    public String name() {
        return "page-visits";
    }

    @Override
    public void topology(ProductContext ctx) {
        KStream<String, PageView> views = ctx.input(PAGE_VIEWS, PageView.class, view -> Instant.parse(view.at()));
        Grouped<String, PageView> byPage = Grouped.with(Serdes.String(), new JsonSerde<>(PageView.class));
        KTable<String, Long> visits = views.groupByKey(byPage).count(Materialized.as(BY_PAGE));
        views.groupByKey(byPage)
                .windowedBy(TimeWindows.ofSizeAndGrace(Duration.ofMinutes(1), Duration.ofHours(1)))
                .count(Materialized.as(PER_MINUTE));
        views.groupBy((page, view) -> view.userId(), Grouped.with("by-user", Serdes.Long(), new JsonSerde<>(PageView.class)))
                .count(Materialized.as(BY_USER));
        ctx.output(visits.toStream().mapValues((page, count) -> new PageVisits(page, Objects.requireNonNull(count))));
        ctx.queries()
                .keyValue(BY_PAGE, String.class)
                .window(PER_MINUTE, String.class)
                .keyValue(BY_USER, Long.class);
    }

    /** The test contract, from this module's test resources. */
    static Contract contract() {
        try {
            Path contracts = Path.of(PageVisitsProduct.class.getResource("/contracts").toURI());
            return new ContractLocator(contracts).load("page-visits");
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
