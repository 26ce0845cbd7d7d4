package io.meshwork.cli.portal;

import io.meshwork.core.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Asks one running product how it is, on its own query port: {@code /product} for its state and the live status of
 * every SLA against its target, {@code /metrics} for its record flow (in per topic, out, dead letters per reason).
 */
final class ProductProbe {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static final Pattern SAMPLE = Pattern.compile(
            "^dataproduct_records_(in|out|dlq)_total\\{([^}]*)\\}\\s+([0-9.eE+-]+)\\s*$", Pattern.MULTILINE);
    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    /** {@code {reachable, state, sla, flow}}, or {@code {reachable: false, error}} when the port does not answer. */
    Map<String, Object> probe(String queryPortUrl) {
        Map<String, Object> live = new LinkedHashMap<>();
        try {
            Map<?, ?> manifest = Json.mapper().readValue(get(queryPortUrl + "/product"), Map.class);
            live.put("reachable", true);
            live.put("state", manifest.get("state"));
            live.put("sla", manifest.get("sla"));
            live.put("flow", flow(get(queryPortUrl + "/metrics")));
        } catch (IOException | RuntimeException e) {
            live.put("reachable", false);
            live.put("error", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            live.put("reachable", false);
            live.put("error", "interrupted");
        }
        return live;
    }

    /** The record counters of a Prometheus text exposition. */
    static Map<String, Object> flow(String metrics) {
        Map<String, Double> inByTopic = new TreeMap<>();
        Map<String, Double> dlqByReason = new TreeMap<>();
        double out = 0;
        Matcher sample = SAMPLE.matcher(metrics);
        while (sample.find()) {
            Map<String, String> labels = labels(sample.group(2));
            double value = Double.parseDouble(sample.group(3));
            switch (sample.group(1)) {
                case "in" -> inByTopic.merge(labels.getOrDefault("topic", ""), value, Double::sum);
                case "dlq" -> dlqByReason.merge(labels.getOrDefault("reason", ""), value, Double::sum);
                default -> out += value;
            }
        }
        Map<String, Object> flow = new LinkedHashMap<>();
        flow.put("in", (long) inByTopic.values().stream().mapToDouble(Double::doubleValue).sum());
        flow.put("out", (long) out);
        flow.put("dlq", (long) dlqByReason.values().stream().mapToDouble(Double::doubleValue).sum());
        flow.put("inByTopic", longs(inByTopic));
        flow.put("dlqByReason", longs(dlqByReason));
        return flow;
    }

    private static Map<String, Long> longs(Map<String, Double> counts) {
        Map<String, Long> whole = new TreeMap<>();
        counts.forEach((key, value) -> whole.put(key, value.longValue()));
        return whole;
    }

    private static Map<String, String> labels(String text) {
        Map<String, String> labels = new LinkedHashMap<>();
        Matcher label = LABEL.matcher(text);
        while (label.find()) {
            labels.put(label.group(1), label.group(2));
        }
        return labels;
    }

    private String get(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(url + " answered " + response.statusCode());
        }
        return response.body();
    }
}
