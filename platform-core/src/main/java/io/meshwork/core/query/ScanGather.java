package io.meshwork.core.query;

import io.javalin.http.Context;
import io.meshwork.core.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;

/**
 * A scan over a whole store: every instance holding active partitions of it scans them (in parallel) and the pages
 * are merged in key order. A scan is answered completely or not at all: if any instance cannot answer, the result
 * is a 503, never a page silently missing its keys.
 */
final class ScanGather {

    private ScanGather() {
    }

    static Page scan(Context ctx, Instance instance, ServedStore store, ScanRequest request) {
        if (ctx.header(PeerClient.FORWARDED_BY) != null) {
            return local(instance, store, request);
        }
        List<HostInfo> holders = instance.streams().streamsMetadataForStore(store.name()).stream()
                .filter(metadata -> metadata.stateStoreNames().contains(store.name()))
                .map(StreamsMetadata::hostInfo)
                .toList();
        if (holders.isEmpty()) {
            throw StoreRoutes.unavailable("which instances hold store '" + store.name() + "' is not known yet (rebalancing)");
        }
        Optional<String> authorization = Optional.ofNullable(ctx.header("Authorization"));
        List<CompletableFuture<Page>> remote = new ArrayList<>();
        for (HostInfo holder : holders) {
            if (!holder.equals(instance.self())) {
                String peer = holder.host() + ":" + holder.port();
                remote.add(instance.peers().get(holder, StoreRoutes.pathAndQuery(ctx), authorization, false)
                        .thenApply(answer -> {
                            if (answer.status() != 200) {
                                throw new CompletionException(new IllegalStateException(
                                        peer + " answered " + answer.status() + ": " + answer.body()));
                            }
                            return Page.read(Json.mapper().readTree(answer.body()), store.keys());
                        }));
            }
        }
        List<Page> pages = new ArrayList<>();
        if (holders.contains(instance.self())) {
            pages.add(local(instance, store, request));
        }
        List<String> failures = new ArrayList<>();
        for (CompletableFuture<Page> page : remote) {
            try {
                pages.add(page.join());
            } catch (CompletionException e) {
                failures.add(String.valueOf(e.getCause().getMessage() == null ? e.getCause() : e.getCause().getMessage()));
            }
        }
        if (!failures.isEmpty()) {
            throw StoreRoutes.unavailable("the scan needs every instance holding store '" + store.name()
                    + "' and some did not answer: " + String.join("; ", failures));
        }
        return Page.merge(pages, request.limit());
    }

    private static Page local(Instance instance, ServedStore store, ScanRequest request) {
        try {
            return instance.local().scan(store, request);
        } catch (InvalidStateStoreException e) {
            throw StoreRoutes.unavailable("store '" + store.name() + "' is not queryable here right now: " + e.getMessage());
        }
    }
}
