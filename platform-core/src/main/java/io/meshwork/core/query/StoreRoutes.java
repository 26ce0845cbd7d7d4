package io.meshwork.core.query;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.meshwork.core.contract.Contract;
import io.meshwork.core.http.ProblemException;
import io.meshwork.core.json.Json;
import io.meshwork.core.security.AccessGuard;
import io.meshwork.core.security.AccessSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.state.HostInfo;

/**
 * The store routes of the query port: interactive queries over the stores a product exposes, answered for any key
 * by any instance, guarded by the contract's {@code access.requiredPermissions}.
 *
 * <ul>
 *   <li>{@code GET /stores}: the exposed stores, their kind and key type</li>
 *   <li>{@code GET /stores/{store}/keys/{key}}: a key's value; for a window store its windows, optionally
 *       {@code ?from=&to=} (ISO-8601 instants or epoch millis)</li>
 *   <li>{@code GET /stores/{store}/keys?from=&to=} or {@code ?prefix=}, with {@code limit} and {@code next}: a key
 *       range or prefix scan of a key-value store, one page at a time</li>
 * </ul>
 *
 * <p>Errors are JSON problems: 400 malformed key or parameter, 401/403 token, 404 unknown store or key, 503 with
 * {@code Retry-After} while the product is not RUNNING or the instance holding a key cannot answer. The routes open
 * with the port; they answer once {@link #serve} hands them the running Kafka Streams application, and {@link #close}
 * releases the connections to the other instances.
 */
public final class StoreRoutes implements AutoCloseable {

    /** Seconds a client should wait before retrying a 503. */
    static final int RETRY_AFTER_SECONDS = 2;

    private static final Set<String> WINDOW_PARAMETERS = Set.of("from", "to");

    private final Map<String, ServedStore> stores;
    private final AccessGuard guard;
    private volatile Instance instance;

    private StoreRoutes(Map<String, ServedStore> stores, AccessGuard guard) {
        this.stores = stores;
        this.guard = guard;
    }

    /**
     * The store routes of a product.
     *
     * @param contract the product's contract: its name and required permissions
     * @param declared the stores the topology exposes
     * @param topology the built topology, to find where each store lives
     * @param access   token verification settings
     * @throws IllegalStateException    if a declared store is not in the topology
     * @throws IllegalArgumentException if a configured token key cannot be read
     */
    public static StoreRoutes create(Contract contract, QueryableStores declared, TopologyDescription topology,
                                        AccessSettings access) {
        return new StoreRoutes(ServedStore.of(declared.exposed(), topology),
                AccessGuard.of(contract.access(), access, contract.name()));
    }

    /** Adds the store routes and their access guard to the port. */
    public void register(RoutesConfig routes) {
        routes.before("/stores", guard);
        routes.before("/stores/*", guard);
        routes.get("/stores", this::list);
        routes.get("/stores/{store}/keys", this::scan);
        routes.get("/stores/{store}/keys/{key}", this::lookup);
    }

    /** Starts answering from {@code streams}, whose {@code application.server} is {@code self}. */
    public void serve(KafkaStreams streams, HostInfo self) {
        this.instance = new Instance(streams, self);
    }

    /** Stops the client that forwards to the other instances; close the port first. */
    @Override
    public void close() {
        Instance current = instance;
        if (current != null) {
            current.peers().close();
        }
    }

    private void list(Context ctx) {
        QueryParameters.of(ctx.queryParamMap(), Set.of(), "/stores");
        List<Map<String, Object>> list = stores.values().stream().map(store -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", store.name());
            entry.put("kind", store.kindName());
            entry.put("keyType", store.keys().typeName());
            return entry;
        }).toList();
        json(ctx, 200, Map.of("stores", list));
    }

    private void lookup(Context ctx) {
        ServedStore store = store(ctx);
        Object key = store.keys().parse(ctx.pathParam("key"), "key");
        String route = "/stores/" + store.name() + "/keys/{key}";
        if (store.windowed()) {
            QueryParameters params = QueryParameters.of(ctx.queryParamMap(), WINDOW_PARAMETERS, route);
            TimeRange range = TimeRange.parse(params.get("from"), params.get("to"));
            KeyLookup.answer(ctx, running(), store, key, (local, partition, standby) -> {
                List<Map<String, Object>> windows = local.windows(store, key, partition, range, standby);
                if (windows.isEmpty()) {
                    throw notFound(store, key, "no window from " + range.from() + " to " + range.to());
                }
                Map<String, Object> body = answer(store, key);
                body.put("windows", windows);
                return body;
            });
        } else {
            QueryParameters.of(ctx.queryParamMap(), Set.of(), route);
            KeyLookup.answer(ctx, running(), store, key, (local, partition, standby) -> {
                Object value = local.get(store, key, partition, standby)
                        .orElseThrow(() -> notFound(store, key, "no value"));
                Map<String, Object> body = answer(store, key);
                body.put("value", value);
                return body;
            });
        }
    }

    private void scan(Context ctx) {
        ServedStore store = store(ctx);
        if (store.windowed()) {
            throw ProblemException.badRequest("store '" + store.name() + "' is a window store: scans need a key-value "
                    + "store; fetch a key's windows with /stores/" + store.name() + "/keys/{key}?from=&to=");
        }
        ScanRequest request = ScanRequest.parse(QueryParameters.of(ctx.queryParamMap(), ScanRequest.PARAMETERS,
                "/stores/" + store.name() + "/keys"), store.keys());
        Page page = ScanGather.scan(ctx, running(), store, request);
        json(ctx, 200, page.body(store.name(), store.keys()));
    }

    private ServedStore store(Context ctx) {
        ServedStore store = stores.get(ctx.pathParam("store"));
        if (store == null) {
            throw ProblemException.notFound("no store '" + ctx.pathParam("store") + "'; this product serves "
                    + stores.keySet().stream().sorted().toList());
        }
        return store;
    }

    /** The running instance; a 503 before Kafka Streams is RUNNING, or while it rebalances. */
    private Instance running() {
        Instance current = instance;
        if (current == null) {
            throw unavailable("the product is starting");
        }
        KafkaStreams.State state = current.streams().state();
        if (state != KafkaStreams.State.RUNNING) {
            throw unavailable("Kafka Streams is " + state + "; stores answer while it is RUNNING");
        }
        return current;
    }

    private static Map<String, Object> answer(ServedStore store, Object key) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("store", store.name());
        body.put("key", key);
        return body;
    }

    private static ProblemException notFound(ServedStore store, Object key, String what) {
        return ProblemException.notFound("store '" + store.name() + "' has " + what + " for key '" + key + "'");
    }

    static ProblemException unavailable(String detail) {
        return ProblemException.unavailable(detail, RETRY_AFTER_SECONDS);
    }

    static void json(Context ctx, int status, Object body) {
        ctx.status(status).contentType("application/json").result(Json.mapper().writeValueAsString(body));
    }

    /** The request's path and query string, as received, for forwarding. */
    static String pathAndQuery(Context ctx) {
        String query = ctx.queryString();
        return ctx.path() + (query == null || query.isEmpty() ? "" : "?" + query);
    }
}
