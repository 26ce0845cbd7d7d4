package io.meshwork.core.manifest;

import io.meshwork.core.contract.Contract;
import io.meshwork.core.contract.Ports;
import io.meshwork.core.contract.Sla;
import io.meshwork.core.metrics.SlaMonitor;
import io.meshwork.core.metrics.SlaStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;

/**
 * What {@code GET /product} answers: the product's identity, its contract (schema, SLA, access), its ports and
 * the live status of every SLA (met, breached or unknown, with the measured value).
 */
public final class ProductManifest {

    private static final Map<String, String> LINKS = links();

    private final Contract contract;
    private final Supplier<KafkaStreams.State> state;
    private final SlaMonitor sla;

    public ProductManifest(Contract contract, Supplier<KafkaStreams.State> state, SlaMonitor sla) {
        this.contract = contract;
        this.state = state;
        this.sla = sla;
    }

    /** The manifest as a JSON-ready map. */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("product", contract.identity().qualifiedName());
        json.put("name", contract.name());
        json.put("domain", contract.domain());
        json.put("owner", contract.identity().owner());
        json.put("version", contract.version());
        json.put("description", contract.identity().description());
        json.put("state", state.get().name());
        json.put("ports", ports(contract.ports()));
        Map<String, Object> contractJson = new LinkedHashMap<>();
        contractJson.put("schema", contract.schema());
        contractJson.put("sla", slaTargets(contract.sla()));
        Map<String, Object> access = new LinkedHashMap<>();
        access.put("classification", contract.access().classification());
        access.put("requiredPermissions", contract.access().requiredPermissions());
        contractJson.put("access", access);
        json.put("contract", contractJson);
        List<SlaStatus> status = sla.status();
        Map<String, Object> slaJson = new LinkedHashMap<>();
        slaJson.put("status", overall(status).label());
        slaJson.put("objectives", status.stream().map(SlaStatus::toJson).toList());
        json.put("sla", slaJson);
        json.put("links", LINKS);
        return json;
    }

    private static Map<String, String> links() {
        Map<String, String> links = new LinkedHashMap<>();
        links.put("metrics", "/metrics");
        links.put("lineage", "/lineage");
        links.put("topology", "/topology");
        return links;
    }

    /** Breached if any SLA is, else unknown if any is, else met (also when there are none). */
    static SlaStatus.Verdict overall(List<SlaStatus> status) {
        if (status.stream().anyMatch(s -> s.verdict() == SlaStatus.Verdict.BREACHED)) {
            return SlaStatus.Verdict.BREACHED;
        }
        return status.stream().anyMatch(s -> s.verdict() == SlaStatus.Verdict.UNKNOWN)
                ? SlaStatus.Verdict.UNKNOWN : SlaStatus.Verdict.MET;
    }

    private static Map<String, Object> ports(Ports ports) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("inputs", ports.inputs().stream().map(input -> {
            Map<String, Object> in = new LinkedHashMap<>();
            in.put("topic", input.topic());
            input.product().ifPresent(product -> in.put("product", product));
            return in;
        }).toList());
        Ports.Output output = ports.output();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("topic", output.topic());
        output.key().ifPresent(key -> out.put("key", key));
        out.put("partitions", output.partitions());
        out.put("cleanupPolicy", output.cleanupPolicy().name().toLowerCase(Locale.ROOT));
        output.retention().ifPresent(retention -> out.put("retention", retention.toString()));
        json.put("output", out);
        json.put("deadLetter", ports.deadLetter());
        return json;
    }

    private static Map<String, Object> slaTargets(Sla sla) {
        Map<String, Object> json = new LinkedHashMap<>();
        sla.freshness().ifPresent(f -> json.put("freshness", f.toString()));
        sla.availability().ifPresent(a -> json.put("availability", a));
        sla.qualityScore().ifPresent(q -> json.put("qualityScore", q));
        return json;
    }
}
