package io.meshwork.core.manifest;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.meshwork.core.json.Json;
import io.meshwork.core.lineage.ProductLineage;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The self-description routes of the query port: {@code GET /product} (manifest with live SLA status),
 * {@code GET /lineage} (this product's edges) and {@code GET /topology} (JSON, or Mermaid with
 * {@code ?format=mermaid} or at {@code /topology.mmd}).
 */
public final class ManifestRoutes {

    /** Content type of the Mermaid rendering: plain text a browser shows and mermaid-cli reads. */
    public static final String MERMAID = "text/plain; charset=utf-8";
    private static final String JSON = "application/json";

    private ManifestRoutes() {
    }

    /** The routes, to pass to {@code HttpPort.start}. */
    public static Consumer<RoutesConfig> of(ProductManifest manifest, ProductLineage lineage, TopologyView topology) {
        return routes -> {
            routes.get("/product", ctx -> json(ctx, manifest.toJson()));
            routes.get("/lineage", ctx -> json(ctx, lineage.toJson()));
            routes.get("/topology", ctx -> {
                String format = ctx.queryParamAsClass("format", String.class).getOrDefault("json").toLowerCase(Locale.ROOT);
                switch (format) {
                    case "json" -> json(ctx, topology.toJson());
                    case "mermaid", "mmd" -> ctx.contentType(MERMAID).result(topology.toMermaid());
                    default -> throw new IllegalArgumentException("format is json or mermaid, not '" + format + "'");
                }
            });
            routes.get("/topology.mmd", ctx -> ctx.contentType(MERMAID).result(topology.toMermaid()));
        };
    }

    private static void json(Context ctx, Object body) {
        ctx.contentType(JSON).result(Json.mapper().writeValueAsString(body));
    }
}
