package io.meshwork.benchmarks.e2e;

import io.javalin.Javalin;
import io.meshwork.core.contract.ContractLocator;
import io.meshwork.core.json.Json;
import io.meshwork.core.runtime.ProductConfig;
import io.meshwork.core.runtime.ProductRuntime;
import io.meshwork.products.orders.OrderTraffic;
import io.meshwork.products.revenue.RealtimeRevenue;
import io.meshwork.products.revenue.RevenueTotals;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;

/**
 * One instance of realtime-revenue for the query-port benchmark: the product as {@code Meshwork.run} starts it (its
 * query port on {@code MESHWORK_HTTP_PORT}), plus, in the same JVM, a bare Javalin handler on the port given as the
 * first argument that answers {@code GET /bare/{region}} from the same window store the way anyone would write it
 * (fetch the key's windows from its partition of the local store, Jackson-serialize them; no routing, no access check, no problem
 * bodies), and {@code GET /local}: the regions this instance holds as active.
 */
public final class RevenueQueryHost {

    private RevenueQueryHost() {
    }

    public static void main(String[] args) throws InterruptedException {
        ProductRuntime runtime = ProductRuntime.start(new RealtimeRevenue(),
                ContractLocator.fromEnvironment().load("realtime-revenue"), ProductConfig.fromEnvironment(System.getenv()));
        KafkaStreams streams = runtime.streams();
        Javalin bare = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.routes.get("/bare/{region}", ctx -> {
                String region = ctx.pathParam("region");
                // The key's own partition, as the platform asks it: a store over all local partitions would fetch from each.
                int partition = streams.queryMetadataForKey(RealtimeRevenue.STORE, region, Serdes.String().serializer())
                        .partition();
                ReadOnlyWindowStore<String, RevenueTotals> store = streams.store(StoreQueryParameters
                        .fromNameAndType(RealtimeRevenue.STORE, QueryableStoreTypes.<String, RevenueTotals>windowStore())
                        .withPartition(partition));
                List<Map<String, Object>> windows = new ArrayList<>();
                try (KeyValueIterator<Windowed<String>, RevenueTotals> it = store.fetch(region, region,
                        Instant.EPOCH, Instant.ofEpochMilli(Long.MAX_VALUE))) {
                    while (it.hasNext()) {
                        KeyValue<Windowed<String>, RevenueTotals> window = it.next();
                        Map<String, Object> entry = new LinkedHashMap<>();
                        entry.put("start", window.key.window().startTime().toString());
                        entry.put("end", window.key.window().endTime().toString());
                        entry.put("value", window.value);
                        windows.add(entry);
                    }
                }
                if (windows.isEmpty()) {
                    ctx.status(404);
                    return;
                }
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("store", RealtimeRevenue.STORE);
                body.put("key", region);
                body.put("windows", windows);
                ctx.contentType("application/json").result(Json.mapper().writeValueAsString(body));
            });
            config.routes.get("/local", ctx -> {
                List<String> local = new ArrayList<>();
                for (String region : OrderTraffic.REGIONS) {
                    var host = streams.queryMetadataForKey(RealtimeRevenue.STORE, region, Serdes.String().serializer())
                            .activeHost();
                    if (host.port() == runtime.httpPort()) {
                        local.add(region);
                    }
                }
                ctx.contentType("application/json").result(Json.mapper().writeValueAsString(
                        Map.of("state", streams.state().name(), "local", local)));
            });
        }).start("127.0.0.1", Integer.parseInt(args[0]));
        System.out.println("READY " + runtime.httpPort() + " " + bare.port());
        System.out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            bare.stop();
            runtime.close();
            stopped.countDown();
        }));
        stopped.await();
    }
}
