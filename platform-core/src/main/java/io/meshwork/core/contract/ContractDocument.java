package io.meshwork.core.contract;

import io.meshwork.core.json.Json;
import java.util.Locale;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A {@link Contract} written back in the contract format (as JSON, which YAML reads too), with every default filled
 * in: what a product registers on the mesh, and what {@link ContractLoader#read} turns into the same contract again.
 * An input declared as {@code product: <domain>/<name>} stays so; the topic it resolved to travels beside it.
 */
public final class ContractDocument {

    private ContractDocument() {
    }

    /** {@code contract} in the contract format. */
    public static ObjectNode of(Contract contract) {
        ObjectNode root = Json.mapper().createObjectNode();
        ProductIdentity identity = contract.identity();
        root.putObject("dataProduct").put("name", identity.name()).put("domain", identity.domain())
                .put("owner", identity.owner()).put("version", identity.version())
                .put("description", identity.description());
        ObjectNode ports = root.putObject("ports");
        ArrayNode inputs = ports.putArray("inputs");
        contract.ports().inputs().forEach(input -> input.product().ifPresentOrElse(
                product -> inputs.addObject().put("product", product),
                () -> inputs.addObject().put("topic", input.topic())));
        Ports.Output output = contract.ports().output();
        ObjectNode out = ports.putObject("output").put("topic", output.topic());
        output.key().ifPresent(key -> out.put("key", key));
        out.put("partitions", output.partitions())
                .put("cleanupPolicy", output.cleanupPolicy().name().toLowerCase(Locale.ROOT));
        output.retention().ifPresent(retention -> out.put("retention", retention.toString()));
        ports.put("deadLetter", contract.ports().deadLetter());
        root.set("schema", contract.schema());
        ObjectNode sla = root.putObject("sla");
        contract.sla().freshness().ifPresent(freshness -> sla.put("freshness", freshness.toString()));
        contract.sla().availability().ifPresent(availability -> sla.put("availability", availability));
        contract.sla().qualityScore().ifPresent(quality -> sla.put("qualityScore", quality));
        ObjectNode access = root.putObject("access").put("classification", contract.access().classification());
        ArrayNode permissions = access.putArray("requiredPermissions");
        contract.access().requiredPermissions().forEach(permissions::add);
        return root;
    }
}
