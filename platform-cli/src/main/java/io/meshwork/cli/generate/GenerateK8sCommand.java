package io.meshwork.cli.generate;

import io.meshwork.cli.MeshVersion;
import io.meshwork.cli.contracts.ContractsOption;
import io.meshwork.core.contract.Contract;
import io.meshwork.governance.deploy.KubernetesManifests;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mesh generate k8s}: the products' Kubernetes workloads and their monitoring, from the contracts. */
@Command(name = "k8s", mixinStandardHelpOptions = true,
        description = {"Writes one file per product, <domain>-<name>.yaml: a StatefulSet (state stores on a volume "
                + "claim, Kafka credentials from its Strimzi KafkaUser and the cluster CA, exactly_once_v2, probes on "
                + "/health and /ready), a headless Service for the instances' query-port addresses, a Service and a "
                + "PodMonitor; meshwork-slo-rules.yaml: the SLO alerts as a PrometheusRule; and "
                + "meshwork-sla-dashboard.yaml: the SLA dashboard as a ConfigMap for Grafana's sidecar.",
                "Every other .yaml file in the folder is deleted (it belonged to a removed product)."})
public final class GenerateK8sCommand implements Callable<Integer> {

    /** File of the PrometheusRule. */
    static final String SLO_RULES = "meshwork-slo-rules.yaml";
    /** File of the dashboard ConfigMap. */
    static final String DASHBOARD = "meshwork-sla-dashboard.yaml";

    @Spec
    CommandSpec spec;

    @Mixin
    ContractsOption contracts;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "deploy/k8s",
            description = "Folder of the generated resources (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--cluster", defaultValue = "enterprise-data-mesh",
            description = "The Strimzi Kafka cluster: its bootstrap Service and cluster CA Secret (default: "
                    + "${DEFAULT-VALUE}).")
    String cluster;

    @Option(names = "--image-repository", paramLabel = "REPO", defaultValue = "meshwork",
            description = "Images are REPO/<product>:TAG, as `jib:build` pushes them (default: ${DEFAULT-VALUE}).")
    String imageRepository;

    @Option(names = "--image-tag", paramLabel = "TAG",
            description = "The images' tag (default: this Meshwork version, the products' Maven version).")
    String imageTag;

    @Option(names = "--replicas", defaultValue = "2", description = "Instances per product (default: ${DEFAULT-VALUE}).")
    int replicas;

    @Option(names = "--storage", defaultValue = "10Gi",
            description = "State-store volume of each instance (default: ${DEFAULT-VALUE}).")
    String storage;

    @Option(names = "--runbook", paramLabel = "URL", defaultValue = "docs/runbook.md",
            description = "Address of the runbook the alerts link to (default: ${DEFAULT-VALUE}).")
    String runbook;

    @Option(names = "--datasource", paramLabel = "UID", defaultValue = "prometheus",
            description = "Uid of Grafana's Prometheus data source (default: ${DEFAULT-VALUE}).")
    String datasource;

    @Option(names = "--check", description = "Exit 1 if the folder differs from a fresh generation (CI).")
    boolean check;

    @Override
    public Integer call() {
        Optional<List<Contract>> contractProducts = GeneratedFiles.products(contracts, "k8s", replicas,
                spec.commandLine().getErr());
        if (contractProducts.isEmpty()) {
            return 2;
        }
        List<Contract> products = contractProducts.get();
        KubernetesManifests.Options options = new KubernetesManifests.Options(cluster, imageRepository,
                imageTag != null ? imageTag : MeshVersion.version(), replicas, storage, runbook, datasource);
        Map<String, String> files = new LinkedHashMap<>();
        for (Contract product : products) {
            files.put(KubernetesManifests.nameOf(product) + ".yaml",
                    GeneratedFiles.documents("k8s", KubernetesManifests.product(product, options)));
        }
        files.put(SLO_RULES, GeneratedFiles.documents("k8s", List.of(KubernetesManifests.sloRules(products, options))));
        files.put(DASHBOARD, GeneratedFiles.documents("k8s", List.of(KubernetesManifests.dashboard(products, options))));
        return new GeneratedFiles(out.toAbsolutePath().normalize(), files, true)
                .emit(check, "k8s", spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
