package io.meshwork.core.http;

import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.meshwork.core.json.Json;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The product's HTTP port (Javalin): {@code /health}, {@code /ready}, {@code /metrics}, plus the routes other
 * platform parts add. Errors are JSON problem bodies; an unknown route is a 404, never an HTML page.
 */
public final class HttpPort implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HttpPort.class);
    private static final String PROBLEM_JSON = "application/problem+json";

    private final Javalin app;

    private HttpPort(Javalin app) {
        this.app = app;
    }

    /**
     * Starts the port.
     *
     * @param host   bind address
     * @param port   port, 0 for any free one
     * @param health state behind {@code /health} and {@code /ready}
     * @param metrics registry behind {@code /metrics}
     * @param extraRoutes further routes (query, manifest, lineage, ...)
     */
    public static HttpPort start(String host, int port, ProductHealth health, PrometheusMeterRegistry metrics,
                                  Consumer<RoutesConfig> extraRoutes) {
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jetty.modifyServer(server -> server.setErrorHandler(new ProblemErrorHandler()));
            config.routes.get("/health", ctx -> status(ctx, health.live(), health));
            config.routes.get("/ready", ctx -> status(ctx, health.ready(), health));
            config.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));
            extraRoutes.accept(config.routes);
            config.routes.error(404, ctx -> {
                if (ctx.result() == null || !PROBLEM_JSON.equals(ctx.res().getContentType())) {
                    problem(ctx, Problem.of(404, "Not Found", "no route " + ctx.method() + " " + ctx.path()));
                }
            });
            config.routes.exception(ProblemException.class, (e, ctx) -> {
                e.headers().forEach(ctx::header);
                problem(ctx, e.problem());
            });
            config.routes.exception(IllegalArgumentException.class, (e, ctx) ->
                    problem(ctx, Problem.of(400, "Bad Request", e.getMessage())));
            config.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("Query port failed on {} {}", ctx.method(), ctx.path(), e);
                problem(ctx, Problem.of(500, "Internal Server Error", "the product failed to answer; see its log"));
            });
        }).start(host, port);
        LOG.info("Query port listening on http://{}:{}", host, app.port());
        return new HttpPort(app);
    }

    /** The port actually bound. */
    public int port() {
        return app.port();
    }

    /** Writes {@code problem} as the response. */
    public static void problem(Context ctx, Problem problem) {
        ctx.status(problem.status()).contentType(PROBLEM_JSON).result(Json.mapper().writeValueAsString(problem));
    }

    private static void status(Context ctx, boolean ok, ProductHealth health) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", ok ? "UP" : "DOWN");
        body.put("state", health.state().name());
        Duration stalled = health.stalledFor();
        if (!stalled.isZero()) {
            // Out of RUNNING with nothing restored for this long; /health fails past stallTimeout.
            body.put("stalledFor", stalled.withNanos(0).toString());
            body.put("stallTimeout", health.stallTimeout().toString());
        }
        ctx.status(ok ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                .contentType("application/json")
                .result(Json.mapper().writeValueAsString(body));
    }

    @Override
    public void close() {
        app.stop();
    }
}
