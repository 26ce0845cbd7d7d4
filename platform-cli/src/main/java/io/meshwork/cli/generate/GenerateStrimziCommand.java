package io.meshwork.cli.generate;

import io.meshwork.cli.contracts.ContractsOption;
import io.meshwork.core.contract.Contract;
import io.meshwork.core.runtime.TopicProvisioner;
import io.meshwork.governance.access.AccessPolicy;
import io.meshwork.governance.access.StrimziKafkaTopic;
import io.meshwork.governance.access.StrimziKafkaUser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.NewTopic;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/** {@code mesh generate strimzi}: Strimzi {@code KafkaTopic}s and {@code KafkaUser}s from the contracts. */
@Command(name = "strimzi", mixinStandardHelpOptions = true,
        description = {"Writes one file per product, <domain>-<name>.yaml: a KafkaTopic for its output and its "
                + "dead-letter topic and a KafkaUser with the ACLs it needs to run (as mesh acl), and "
                + "external-topics.yaml: a KafkaTopic per input no product publishes.",
                "Every other .yaml file in the folder is deleted (it belonged to a removed product)."})
public final class GenerateStrimziCommand implements Callable<Integer> {

    /** File of the input topics no product publishes. */
    static final String EXTERNAL_TOPICS = "external-topics.yaml";

    @Spec
    CommandSpec spec;

    @Mixin
    ContractsOption contracts;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "deploy/strimzi/generated",
            description = "Folder of the generated resources (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--cluster", defaultValue = "enterprise-data-mesh",
            description = "The Strimzi Kafka cluster (strimzi.io/cluster label; default: ${DEFAULT-VALUE}).")
    String cluster;

    @Option(names = "--replicas", defaultValue = "3", description = "Replicas of every topic (default: ${DEFAULT-VALUE}).")
    int replicas;

    @Option(names = "--check", description = "Exit 1 if the folder differs from a fresh generation (CI).")
    boolean check;

    @Override
    public Integer call() {
        Optional<List<Contract>> contractProducts = GeneratedFiles.products(contracts, "strimzi", replicas,
                spec.commandLine().getErr());
        if (contractProducts.isEmpty()) {
            return 2;
        }
        List<Contract> products = contractProducts.get();
        Map<String, NewTopic> topics = TopicProvisioner.topicsOf(products).stream()
                .collect(Collectors.toMap(NewTopic::name, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        Map<String, String> files = new LinkedHashMap<>();
        for (Contract product : products) {
            List<JsonNode> resources = new ArrayList<>();
            resources.add(StrimziKafkaTopic.of(cluster, topics.remove(product.outputTopic()), replicas));
            resources.add(StrimziKafkaTopic.of(cluster, topics.remove(product.ports().deadLetter()), replicas));
            resources.add(StrimziKafkaUser.of(cluster, AccessPolicy.forProduct(product)));
            files.put(product.domain() + "-" + product.name() + ".yaml", GeneratedFiles.documents("strimzi", resources));
        }
        if (!topics.isEmpty()) {
            files.put(EXTERNAL_TOPICS, GeneratedFiles.documents("strimzi", topics.values().stream()
                    .map(topic -> StrimziKafkaTopic.of(cluster, topic, replicas)).toList()));
        }
        return new GeneratedFiles(out.toAbsolutePath().normalize(), files, true)
                .emit(check, "strimzi", spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
