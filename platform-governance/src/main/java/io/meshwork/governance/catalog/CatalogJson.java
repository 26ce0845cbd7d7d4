package io.meshwork.governance.catalog;

import io.meshwork.core.contract.Contract;
import io.meshwork.core.contract.Ports;
import io.meshwork.core.contract.Sla;
import io.meshwork.core.json.Json;
import io.meshwork.core.contract.ContractText;
import java.util.Locale;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The catalog as JSON, for tools: one object per product, with its full output schema. */
public final class CatalogJson {

    private CatalogJson() {
    }

    /** {@code {"products": [...]}}. */
    public static ObjectNode of(Catalog catalog) {
        ObjectNode root = Json.mapper().createObjectNode();
        ArrayNode products = root.putArray("products");
        catalog.products().forEach(contract -> products.add(product(catalog, contract)));
        return root;
    }

    private static ObjectNode product(Catalog catalog, Contract contract) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("product", contract.identity().qualifiedName());
        node.put("name", contract.name());
        node.put("domain", contract.domain());
        node.put("owner", contract.identity().owner());
        node.put("version", contract.version());
        node.put("description", contract.identity().description());
        node.put("contract", catalog.displayPath(contract));
        Ports.Output output = contract.ports().output();
        ObjectNode out = node.putObject("output");
        out.put("topic", output.topic());
        output.key().ifPresent(key -> out.put("key", key));
        out.put("partitions", output.partitions());
        out.put("cleanupPolicy", output.cleanupPolicy().name().toLowerCase(Locale.ROOT));
        output.retention().ifPresent(retention -> out.put("retention", ContractText.duration(retention)));
        node.put("deadLetterTopic", contract.ports().deadLetter());
        ArrayNode inputs = node.putArray("inputs");
        for (Ports.Input input : contract.ports().inputs()) {
            ObjectNode in = inputs.addObject().put("topic", input.topic());
            input.product().or(() -> catalog.producerOf(input.topic()).map(c -> c.identity().qualifiedName()))
                    .ifPresent(product -> in.put("product", product));
        }
        ArrayNode consumers = node.putArray("consumers");
        catalog.consumersOf(contract).forEach(c -> consumers.add(c.identity().qualifiedName()));
        node.set("sla", sla(contract.sla()));
        ObjectNode access = node.putObject("access");
        access.put("classification", contract.access().classification());
        ArrayNode permissions = access.putArray("requiredPermissions");
        contract.access().requiredPermissions().forEach(permissions::add);
        node.set("schema", contract.schema());
        return node;
    }

    private static ObjectNode sla(Sla sla) {
        ObjectNode node = Json.mapper().createObjectNode();
        sla.freshness().ifPresent(freshness -> node.put("freshness", ContractText.duration(freshness)));
        sla.availability().ifPresent(availability -> node.put("availability", ContractText.percent(availability)));
        sla.qualityScore().ifPresent(quality -> node.put("qualityScore", quality));
        return node;
    }
}
