package io.meshwork.governance.catalog;

import io.meshwork.core.contract.Contract;
import io.meshwork.core.contract.Ports;
import io.meshwork.core.contract.Sla;
import io.meshwork.core.contract.ContractText;
import io.meshwork.core.contract.JsonPaths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * The catalog as Markdown for people ({@code docs/catalog.md}): a summary table, then one section per product with
 * its ports, SLA, access and every field of its output schema. Deterministic, so CI can check it is up to date.
 */
public final class CatalogMarkdown {

    private CatalogMarkdown() {
    }

    /** The whole page. */
    public static String of(Catalog catalog) {
        StringBuilder md = new StringBuilder();
        md.append("# Data product catalog\n\n")
                .append("Generated from the contracts by `mesh catalog --format markdown`; do not edit by hand.\n")
                .append("The lineage graph is in `mesh lineage`; how to subscribe is in [consumers.md](consumers.md).\n\n")
                .append("| product | owner | version | output topic | classification | freshness | availability | quality |\n")
                .append("|---|---|---|---|---|---|---|---|\n");
        for (Contract c : catalog.products()) {
            Sla sla = c.sla();
            md.append("| [").append(c.identity().qualifiedName()).append("](#").append(anchor(c)).append(") | ")
                    .append(cell(c.identity().owner())).append(" | ").append(c.version()).append(" | `")
                    .append(c.outputTopic()).append("` | ").append(c.access().classification()).append(" | ")
                    .append(sla.freshness().map(ContractText::duration).orElse("—")).append(" | ")
                    .append(sla.availability().map(ContractText::percent).orElse("—")).append(" | ")
                    .append(sla.qualityScore().map(Object::toString).orElse("—")).append(" |\n");
        }
        for (Contract c : catalog.products()) {
            product(catalog, c, md);
        }
        return md.toString();
    }

    private static void product(Catalog catalog, Contract c, StringBuilder md) {
        md.append("\n## ").append(c.identity().qualifiedName()).append("\n\n");
        if (!c.identity().description().isBlank()) {
            md.append(c.identity().description().strip().replaceAll("\\s*\n\\s*", " ")).append("\n\n");
        }
        Ports.Output output = c.ports().output();
        md.append("| | |\n|---|---|\n");
        row(md, "owner", c.identity().owner());
        row(md, "version", c.version());
        row(md, "contract", "`" + catalog.displayPath(c) + "`");
        row(md, "output topic", "`" + output.topic() + "`" + output.key().map(k -> ", keyed by `" + k + "`").orElse("")
                + ", " + output.partitions() + " partition" + (output.partitions() == 1 ? "" : "s") + ", "
                + output.cleanupPolicy().name().toLowerCase(Locale.ROOT)
                + output.retention().map(r -> " after " + ContractText.duration(r)).orElse(""));
        row(md, "dead-letter topic", "`" + c.ports().deadLetter() + "`");
        row(md, "inputs", c.ports().inputs().isEmpty() ? "—" : c.ports().inputs().stream()
                .map(in -> "`" + in.topic() + "`" + in.product().or(() -> catalog.producerOf(in.topic())
                        .map(p -> p.identity().qualifiedName())).map(p -> " (" + p + ")").orElse(""))
                .collect(Collectors.joining(", ")));
        List<Contract> consumers = catalog.consumersOf(c);
        row(md, "consumed by", consumers.isEmpty() ? "—"
                : consumers.stream().map(p -> p.identity().qualifiedName()).collect(Collectors.joining(", ")));
        row(md, "SLA", sla(c.sla()));
        row(md, "access", c.access().classification() + (c.access().requiredPermissions().isEmpty() ? ""
                : "; consumers need " + c.access().requiredPermissions().stream().map(p -> "`" + p + "`")
                .collect(Collectors.joining(" and "))));
        md.append("\n| field | type | required | description |\n|---|---|---|---|\n");
        for (Field field : fields(c.schema())) {
            md.append("| `").append(field.path().substring(2)).append("` | ").append(cell(field.type())).append(" | ")
                    .append(field.required() ? "yes" : "no").append(" | ").append(cell(field.description())).append(" |\n");
        }
    }

    private record Field(String path, String type, boolean required, String description) {
    }

    /** Every property at any depth of objects and array items, in schema order. */
    private static List<Field> fields(JsonNode schema) {
        List<Field> fields = new ArrayList<>();
        collect(schema, JsonPaths.ROOT, fields);
        return fields;
    }

    private static void collect(JsonNode schema, String path, List<Field> fields) {
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(name -> required.add(name.asString()));
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            String at = JsonPaths.property(path, property.getKey());
            JsonNode value = property.getValue();
            fields.add(new Field(at, type(value), required.contains(property.getKey()),
                    value.path("description").asString("")));
            collect(value, at, fields);
            if (value.path("items").isObject()) {
                collect(value.get("items"), JsonPaths.items(at), fields);
            }
        }
    }

    private static String type(JsonNode schema) {
        JsonNode type = schema.get("type");
        String text = type == null ? "any" : type.isArray() ? type.valueStream().map(JsonNode::asString)
                .collect(Collectors.joining(" or ")) : type.asString();
        if (schema.has("format")) {
            text += " (" + schema.get("format").asString() + ")";
        }
        if (schema.path("enum").isArray()) {
            text += ": " + schema.get("enum").valueStream().map(JsonNode::asString).collect(Collectors.joining(", "));
        }
        if (schema.path("items").path("type").isString()) {
            text += " of " + schema.get("items").get("type").asString();
        }
        return text;
    }

    private static String sla(Sla sla) {
        List<String> parts = new ArrayList<>();
        sla.freshness().ifPresent(f -> parts.add("freshness " + ContractText.duration(f)));
        sla.availability().ifPresent(a -> parts.add("availability " + ContractText.percent(a)));
        sla.qualityScore().ifPresent(q -> parts.add("quality score " + q));
        return parts.isEmpty() ? "none" : String.join(", ", parts);
    }

    private static void row(StringBuilder md, String name, String value) {
        md.append("| ").append(name).append(" | ").append(value).append(" |\n");
    }

    private static String cell(String text) {
        return text.strip().replace("|", "\\|").replaceAll("\\s*\n\\s*", " ");
    }

    /** The heading anchor GitHub derives from {@code ## domain/name}. */
    private static String anchor(Contract c) {
        return c.identity().qualifiedName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 -]", "").replace(' ', '-');
    }
}
