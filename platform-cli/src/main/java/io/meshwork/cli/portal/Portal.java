package io.meshwork.cli.portal;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.meshwork.core.contract.Contract;
import io.meshwork.core.http.HttpPort;
import io.meshwork.core.http.Problem;
import io.meshwork.core.http.ProblemException;
import io.meshwork.core.json.Json;
import io.meshwork.core.registry.ContractRegistry;
import io.meshwork.core.registry.Registration;
import io.meshwork.core.security.AccessGuard;
import io.meshwork.core.security.AccessSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mesh portal: one web page (static ES module, stylesheet and page from this module's resources) and the JSON it
 * reads. Metadata and counts are open to anyone; record samples follow the product's {@code access.requiredPermissions}
 * as its query port does (bearer token), and store lookups go to the product's own query port with the caller's token.
 *
 * <table>
 *   <tr><td>{@code GET /}</td><td>the page</td></tr>
 *   <tr><td>{@code GET /api/mesh}</td><td>every registered product with its contract, live SLA, flow and latest
 *       dead-letter reasons; the lineage graph</td></tr>
 *   <tr><td>{@code GET /api/products/{domain}/{name}/records}</td><td>latest output records (guarded)</td></tr>
 *   <tr><td>{@code GET /api/products/{domain}/{name}/stores/{store}/keys/{key}}</td><td>a store lookup (guarded by
 *       the product)</td></tr>
 * </table>
 */
public final class Portal implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Portal.class);
    private static final int RECORDS = 10;
    private static final Map<String, String> STATIC = Map.of(
            "index.html", "text/html; charset=utf-8",
            "portal.js", "text/javascript; charset=utf-8",
            "portal.css", "text/css; charset=utf-8",
            "lineage.js", "text/javascript; charset=utf-8");

    private final Javalin app;
    private final MeshView view;
    private final TopicTail tail;
    private final String host;

    private Portal(Javalin app, MeshView view, TopicTail tail, String host) {
        this.app = app;
        this.view = view;
        this.tail = tail;
        this.host = host;
    }

    /**
     * Starts the portal on {@code host:port} (0: any free port) for the mesh at {@code bootstrapServers}.
     *
     * @param access  how bearer tokens are verified for record samples
     * @param refresh how often the mesh is read again
     */
    public static Portal start(String bootstrapServers, String host, int port, AccessSettings access, Duration refresh) {
        TopicTail tail = new TopicTail(bootstrapServers);
        MeshView view = new MeshView(bootstrapServers, new ContractRegistry(Map.of("bootstrap.servers", bootstrapServers)), tail);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        try {
            view.start(refresh);
            Javalin app = Javalin.create(config -> {
                config.startup.showJavalinBanner = false;
                config.routes.get("/", ctx -> resource(ctx, "index.html"));
                config.routes.get("/{file}", ctx -> resource(ctx, ctx.pathParam("file")));
                config.routes.get("/api/mesh", ctx -> json(ctx, view.snapshot()));
                config.routes.get("/api/products/{domain}/{name}/records", ctx -> {
                    Contract contract = guarded(ctx, view, access);
                    json(ctx, Map.of("product", contract.identity().qualifiedName(), "topic", contract.outputTopic(),
                            "records", tail.latest(contract.outputTopic(), RECORDS)));
                });
                config.routes.get("/api/products/{domain}/{name}/stores/{store}/keys/{key}",
                        ctx -> storeLookup(ctx, view, http));
                config.routes.exception(ProblemException.class, (e, ctx) -> {
                    e.headers().forEach(ctx::header);
                    HttpPort.problem(ctx, e.problem());
                });
                config.routes.exception(Exception.class, (e, ctx) -> {
                    LOG.error("Portal failed on {} {}", ctx.method(), ctx.path(), e);
                    HttpPort.problem(ctx, Problem.of(500, "Internal Server Error", e.getMessage()));
                });
            }).start(host, port);
            return new Portal(app, view, tail, host);
        } catch (RuntimeException e) {
            view.close();
            tail.close();
            throw e;
        }
    }

    /** The port bound. */
    public int port() {
        return app.port();
    }

    /** Where a browser opens the portal. */
    public String url() {
        return "http://" + (host.equals("0.0.0.0") || host.equals("127.0.0.1") ? "localhost" : host) + ":" + port() + "/";
    }

    private static Contract registered(Context ctx, MeshView view) {
        String product = ctx.pathParam("domain") + "/" + ctx.pathParam("name");
        return view.contract(product).orElseThrow(() ->
                ProblemException.of(404, "Not Found", "no product " + product + " is registered"));
    }

    /** The product's contract, once the request's token holds every permission it requires. */
    private static Contract guarded(Context ctx, MeshView view, AccessSettings access) throws Exception {
        Contract contract = registered(ctx, view);
        AccessGuard.of(contract.access(), access, contract.identity().qualifiedName()).handle(ctx);
        return contract;
    }

    private static void storeLookup(Context ctx, MeshView view, HttpClient http) throws IOException, InterruptedException {
        Contract contract = registered(ctx, view);
        Registration registration = view.registration(contract.identity().qualifiedName()).orElseThrow();
        String url = registration.queryPortUrl() + "/stores/" + encode(ctx.pathParam("store")) + "/keys/"
                + encode(ctx.pathParam("key"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET();
        String authorization = ctx.header("Authorization");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        answer.headers().firstValue("WWW-Authenticate").ifPresent(value -> ctx.header("WWW-Authenticate", value));
        ctx.status(answer.statusCode())
                .contentType(answer.headers().firstValue("Content-Type").orElse("application/json"))
                .result(answer.body());
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static void resource(Context ctx, String file) {
        String type = STATIC.get(file);
        if (type == null) {
            throw ProblemException.of(404, "Not Found", "no such page: " + file);
        }
        try (InputStream in = Portal.class.getResourceAsStream("/portal/" + file)) {
            if (in == null) {
                throw ProblemException.of(404, "Not Found", "no such page: " + file);
            }
            ctx.contentType(type).header("Cache-Control", "no-cache").result(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void json(Context ctx, Object body) {
        ctx.contentType("application/json").result(Json.mapper().writeValueAsString(body));
    }

    @Override
    public void close() {
        app.stop();
        view.close();
        tail.close();
    }
}
