package io.meshwork.cli.acl;

import io.meshwork.cli.contracts.ContractsOption;
import io.meshwork.cli.contracts.JsonOutput;
import io.meshwork.core.contract.Contract;
import io.meshwork.core.contract.ContractException;
import io.meshwork.core.json.Json;
import io.meshwork.governance.access.AccessPolicy;
import io.meshwork.governance.access.StrimziKafkaUser;
import io.meshwork.governance.catalog.Catalog;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.apache.kafka.common.acl.AclBinding;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/** {@code mesh acl}: Kafka ACLs derived from the contracts' ports and access blocks. */
@Command(name = "acl", mixinStandardHelpOptions = true,
        description = {"Prints the Kafka ACLs the contracts imply.",
                "Without --consumer: what each product's own principal (User:<domain>-<name>) needs to run.",
                "With --consumer NAME --permission P ...: what a consumer holding those permissions may read "
                        + "(a product's requiredPermissions are all required).",
                "--format strimzi prints Strimzi KafkaUser resources (kafka.strimzi.io/v1)."})
public final class AclCommand implements Callable<Integer> {

    /** Output formats. */
    enum Format { text, json, strimzi }

    private static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9.-]*[a-z0-9])?");
    private static final YAMLMapper YAML = YAMLMapper.builder().enable(YAMLWriteFeature.MINIMIZE_QUOTES).build();

    @Spec
    CommandSpec spec;

    @Mixin
    ContractsOption contracts;

    @Option(names = "--consumer", paramLabel = "NAME", description = "A consumer's principal name (User:NAME).")
    String consumer;

    @Option(names = "--permission", paramLabel = "PERMISSION", split = ",",
            description = "A permission the consumer holds, e.g. commerce:read; repeatable.")
    List<String> permissions = new ArrayList<>();

    @Option(names = "--format", defaultValue = "text", description = "text, json or strimzi (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--cluster", defaultValue = "enterprise-data-mesh",
            description = "Strimzi Kafka cluster of the KafkaUsers (default: ${DEFAULT-VALUE}).")
    String cluster;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (consumer != null && !NAME.matcher(consumer).matches()) {
            err.println("mesh acl: --consumer is a lower-case name such as orders-dashboard, got '" + consumer + "'");
            return 2;
        }
        if (consumer == null && !permissions.isEmpty()) {
            err.println("mesh acl: --permission needs --consumer");
            return 2;
        }
        List<Contract> products;
        try {
            products = Catalog.load(contracts.dir()).products();
        } catch (ContractException e) {
            err.println(e.getMessage());
            return 2;
        }
        List<List<AclBinding>> principals = new ArrayList<>();
        if (consumer != null) {
            principals.add(AccessPolicy.forConsumer(consumer, new LinkedHashSet<>(permissions), products));
        } else {
            products.forEach(product -> principals.add(AccessPolicy.forProduct(product)));
        }
        print(spec.commandLine().getOut(), principals);
        return 0;
    }

    private void print(PrintWriter out, List<List<AclBinding>> principals) {
        switch (format) {
            case strimzi -> principals.forEach(acls -> out.print(YAML.writeValueAsString(StrimziKafkaUser.of(cluster, acls))));
            case json -> {
                ObjectNode root = Json.mapper().createObjectNode();
                ArrayNode list = root.putArray("acls");
                principals.stream().flatMap(List::stream).forEach(acl -> list.addObject()
                        .put("principal", acl.entry().principal())
                        .put("permission", acl.entry().permissionType().name())
                        .put("operation", acl.entry().operation().name())
                        .put("resourceType", acl.pattern().resourceType().name())
                        .put("resource", acl.pattern().name())
                        .put("patternType", acl.pattern().patternType().name())
                        .put("host", acl.entry().host()));
                JsonOutput.print(out, root);
            }
            default -> principals.stream().flatMap(List::stream).forEach(acl -> out.println(acl.entry().principal() + " "
                    + acl.entry().permissionType() + " " + acl.entry().operation() + " " + acl.pattern().resourceType()
                    + " " + acl.pattern().name() + " (" + acl.pattern().patternType().name().toLowerCase(Locale.ROOT) + ")"));
        }
        out.flush();
    }
}
