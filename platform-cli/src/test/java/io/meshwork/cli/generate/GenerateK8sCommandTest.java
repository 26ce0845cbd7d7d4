package io.meshwork.cli.generate;

import static io.meshwork.cli.contracts.CommandRun.mesh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.meshwork.cli.MeshVersion;
import io.meshwork.cli.contracts.CommandRun;
import io.meshwork.cli.contracts.TestContracts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.dataformat.yaml.YAMLMapper;

class GenerateK8sCommandTest {

    @TempDir
    Path dir;

    @Test
    void writesAFilePerProductTheAlertRulesAndTheDashboard() throws IOException {
        assertThat(fileNames(generate())).containsExactly("meshwork-sla-dashboard.yaml", "meshwork-slo-rules.yaml",
                "shop-widget-stats.yaml", "shop-widgets.yaml");
    }

    @Test
    void aProductRunsAsAStatefulSetWithItsHeadlessServiceServiceAndPodMonitor() throws IOException {
        List<HasMetadata> resources = TypedResources.read(generate().resolve("shop-widgets.yaml"));

        assertThat(resources).extracting(r -> r.getKind() + " " + r.getMetadata().getName()).containsExactly(
                "Service shop-widgets-headless", "Service shop-widgets", "StatefulSet shop-widgets", "PodMonitor shop-widgets");
        Service headless = (Service) resources.get(0);
        assertThat(headless.getSpec().getClusterIP()).isEqualTo("None");
        assertThat(headless.getSpec().getPublishNotReadyAddresses()).isTrue();
        StatefulSet set = (StatefulSet) resources.get(2);
        assertThat(set.getSpec().getServiceName()).isEqualTo("shop-widgets-headless");
        assertThat(set.getSpec().getReplicas()).isEqualTo(2);
        assertThat(set.getSpec().getSelector().getMatchLabels()).isEqualTo(headless.getSpec().getSelector())
                .isEqualTo(((Service) resources.get(1)).getSpec().getSelector())
                .isEqualTo(((PodMonitor) resources.get(3)).getSpec().getSelector().getMatchLabels());
        assertThat(set.getSpec().getTemplate().getMetadata().getLabels()).containsAllEntriesOf(headless.getSpec().getSelector());
        assertThat(set.getSpec().getTemplate().getSpec().getSecurityContext().getFsGroup()).isEqualTo(10001L);
        assertThat(set.getSpec().getVolumeClaimTemplates().get(0).getSpec().getResources().getRequests())
                .containsEntry("storage", new Quantity("10Gi"));

        Container container = set.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(container.getImage()).isEqualTo("meshwork/widgets:" + MeshVersion.version());
        Map<String, EnvVar> env = container.getEnv().stream().collect(Collectors.toMap(EnvVar::getName, Function.identity()));
        assertThat(env.get("MESHWORK_ADVERTISED_URL").getValue())
                .isEqualTo("http://$(POD_NAME).shop-widgets-headless.$(POD_NAMESPACE).svc:8080");
        assertThat(env.get("POD_NAME").getValueFrom().getFieldRef().getFieldPath()).isEqualTo("metadata.name");
        assertThat(container.getVolumeMounts()).anySatisfy(mount -> {
            assertThat(mount.getName()).isEqualTo(set.getSpec().getVolumeClaimTemplates().get(0).getMetadata().getName());
            assertThat(mount.getMountPath()).isEqualTo(env.get("MESHWORK_STATE_DIR").getValue());
        });
        assertThat(env.get("KAFKA_BOOTSTRAP_SERVERS").getValue()).isEqualTo("enterprise-data-mesh-kafka-bootstrap:9093");
        assertThat(env.get("KAFKA_SECURITY_PROTOCOL").getValue()).isEqualTo("SASL_SSL");
        assertThat(env.get("KAFKA_SASL_MECHANISM").getValue()).isEqualTo("SCRAM-SHA-512");
        assertThat(env.get("KAFKA_SASL_JAAS_CONFIG").getValueFrom().getSecretKeyRef().getName())
                .as("the Secret of the product's KafkaUser").isEqualTo("shop-widgets");
        assertThat(env.get("KAFKA_SASL_JAAS_CONFIG").getValueFrom().getSecretKeyRef().getKey()).isEqualTo("sasl.jaas.config");
        assertThat(env.get("KAFKA_SSL_TRUSTSTORE_PASSWORD").getValueFrom().getSecretKeyRef().getName())
                .isEqualTo("enterprise-data-mesh-cluster-ca-cert");
        assertThat(env.get("KAFKA_SSL_TRUSTSTORE_LOCATION").getValue()).endsWith("/ca.p12");
        assertThat(env.get("KAFKA_PROCESSING_GUARANTEE").getValue()).isEqualTo("exactly_once_v2");
        assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/health");
        assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/ready");
        assertThat(container.getResources().getRequests()).containsKeys("cpu", "memory");
        assertThat(container.getResources().getLimits()).containsKeys("cpu", "memory");
    }

    @Test
    void theAlertRulesAndTheDashboardAreThoseOfTheirOwnGenerators() throws IOException {
        Path out = generate();
        Path alerts = dir.resolve("alerts.yaml");
        Path dashboard = dir.resolve("dashboard.json");
        contracts("alerts", "--out", alerts.toString());
        contracts("dashboard", "--out", dashboard.toString());

        PrometheusRule rule = (PrometheusRule) TypedResources.read(out.resolve(GenerateK8sCommand.SLO_RULES)).get(0);
        ConfigMap map = (ConfigMap) TypedResources.read(out.resolve(GenerateK8sCommand.DASHBOARD)).get(0);

        assertThat(rule.getSpec().getGroups()).isNotEmpty();
        YAMLMapper yaml = new YAMLMapper();
        assertThat(yaml.readTree(out.resolve(GenerateK8sCommand.SLO_RULES).toFile()).get("spec"))
                .isEqualTo(yaml.readTree(alerts.toFile()));
        assertThat(map.getMetadata().getLabels()).containsEntry("grafana_dashboard", "1");
        assertThat(map.getData().get("meshwork-sla.json")).isEqualTo(Files.readString(dashboard));
    }

    @Test
    void unknownFieldsAndNumbersForStringsAreRejectedByTheStrictParse() throws IOException {
        Path misspelt = dir.resolve("misspelt.yaml");
        Files.writeString(misspelt, """
                apiVersion: apps/v1
                kind: StatefulSet
                metadata: {name: x}
                spec: {replicas: 1, serviceNmae: x-headless}
                """);
        Path number = dir.resolve("number.yaml");
        Files.writeString(number, """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: x, labels: {grafana_dashboard: 1}}
                """);

        Path strimzi = dir.resolve("strimzi.yaml");
        Files.writeString(strimzi, """
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaUser
                metadata: {name: x}
                spec: {authentication: {type: scram-sha-512}, authorisation: {type: simple}}
                """);

        assertThatThrownBy(() -> TypedResources.read(misspelt)).hasMessageContaining("serviceNmae");
        assertThatThrownBy(() -> TypedResources.read(strimzi)).hasMessageContaining("authorisation");
        assertThatThrownBy(() -> TypedResources.read(number)).hasMessageContaining("grafana_dashboard");
    }

    @Test
    void checkReportsChangedAndLeftOverFiles() throws IOException {
        Path out = generate();
        Files.writeString(out.resolve("shop-gone.yaml"), "kind: StatefulSet\n");

        assertThat(k8s(out, "--check").exit()).isEqualTo(1);
        assertThat(k8s(out).exit()).isZero();
        assertThat(k8s(out, "--check").exit()).isZero();
    }

    @Test
    void theCommittedResourcesAreUpToDateWithTheRepositorysContracts() {
        CommandRun run = mesh("generate", "k8s", "--check", "--contracts", "../contracts", "--out", "../deploy/k8s");

        assertThat(run.exit()).as(run.err()).isZero();
    }

    @Test
    void everyCommittedKubernetesAndStrimziFileParsesIntoTheTypedModels() throws IOException {
        List<Path> files = new ArrayList<>(yamlFiles(Path.of("../deploy/k8s")));
        files.addAll(yamlFiles(Path.of("../deploy/strimzi/generated")));
        files.add(Path.of("../deploy/strimzi/kafka.yaml"));

        for (Path file : files) {
            assertThat(TypedResources.read(file)).as(file.toString()).isNotEmpty();
        }
        assertThat(files).hasSizeGreaterThan(3);
    }

    private Path generate() {
        TestContracts.write(dir.resolve("contracts"));
        Path out = dir.resolve("k8s");
        CommandRun run = k8s(out);
        assertThat(run.exit()).as(run.err()).isZero();
        return out;
    }

    private CommandRun k8s(Path out, String... more) {
        return contracts("k8s", Stream.concat(Stream.of("--out", out.toString()), Stream.of(more)).toArray(String[]::new));
    }

    private CommandRun contracts(String generator, String... more) {
        List<String> args = new ArrayList<>(List.of("generate", generator, "--contracts", dir.resolve("contracts").toString()));
        args.addAll(List.of(more));
        return mesh(args.toArray(String[]::new));
    }

    private static List<String> fileNames(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    private static List<Path> yamlFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
    }
}
