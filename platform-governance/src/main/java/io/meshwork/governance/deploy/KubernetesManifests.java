package io.meshwork.governance.deploy;

import io.meshwork.core.contract.Contract;
import io.meshwork.core.json.Json;
import io.meshwork.governance.access.AccessPolicy;
import io.meshwork.governance.alerts.SloAlertRules;
import io.meshwork.governance.dashboard.SlaDashboard;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Kubernetes resources that run and watch the data products on a Strimzi cluster, from their contracts.
 *
 * <p>Per product ({@link #product}): a {@code StatefulSet} (state stores on a volume claim per pod, so a restarted
 * pod restores from its disk, not the changelog), a headless {@code Service} that gives each pod the DNS name its
 * query port advertises to the other instances, a {@code Service} for clients, and a {@code PodMonitor} for the
 * Prometheus operator. The product connects as its Strimzi {@code KafkaUser} (SASL SCRAM-SHA-512 over TLS): the JAAS
 * config from the user's Secret, the cluster CA from {@code <cluster>-cluster-ca-cert} as the trust store.
 *
 * <p>For the mesh: the SLO alert rules of {@link SloAlertRules} as a {@code PrometheusRule} ({@link #sloRules}) and the
 * SLA dashboard of {@link SlaDashboard} as a {@code ConfigMap} Grafana's dashboard sidecar loads
 * ({@link #dashboard}).
 */
public final class KubernetesManifests {

    /** The query port in the container (the image's {@code MESHWORK_HTTP_PORT}). */
    public static final int HTTP_PORT = 8080;
    /** Where the state-store volume is mounted ({@code MESHWORK_STATE_DIR}). */
    public static final String STATE_DIR = "/var/lib/meshwork/state";
    /** Where the cluster CA Secret is mounted. */
    public static final String CLUSTER_CA_DIR = "/etc/meshwork/cluster-ca";
    /** The user and group the image runs as (data-products/pom.xml); the state volume is made writable for it. */
    public static final long USER_ID = 10001;
    /** Optional Secret with the key {@code jwt-secret}: verifies bearer tokens on the store routes. */
    public static final String QUERY_AUTH_SECRET = "meshwork-query-auth";

    private static final String PART_OF = "meshwork";

    private final Options options;

    /**
     * What is not in the contracts.
     *
     * @param cluster         the Strimzi {@code Kafka} cluster (bootstrap service, CA Secret)
     * @param imageRepository images are {@code <imageRepository>/<product name>:<imageTag>}, as Jib builds them
     * @param imageTag        the images' tag
     * @param replicas        instances per product
     * @param storage         size of each instance's state volume, e.g. {@code 10Gi}
     * @param runbook         address of the runbook the alerts link to
     * @param datasource      uid of Grafana's Prometheus data source the dashboard queries
     */
    public record Options(String cluster, String imageRepository, String imageTag, int replicas, String storage,
                          String runbook, String datasource) {
    }

    private KubernetesManifests(Options options) {
        this.options = options;
    }

    /** The resources of one product: headless Service, Service, StatefulSet, PodMonitor. */
    public static List<ObjectNode> product(Contract product, Options options) {
        KubernetesManifests manifests = new KubernetesManifests(options);
        return List.of(manifests.headlessService(product), manifests.service(product), manifests.statefulSet(product),
                manifests.podMonitor(product));
    }

    /** The SLO alert rules of every product with an {@code sla} block, for the Prometheus operator. */
    public static ObjectNode sloRules(List<Contract> products, Options options) {
        ObjectNode rule = resource("monitoring.coreos.com/v1", "PrometheusRule", "meshwork-slo", meshLabels());
        rule.set("spec", SloAlertRules.of(products, options.runbook()));
        return rule;
    }

    /** The SLA dashboard in a ConfigMap labelled {@code grafana_dashboard: "1"} (Grafana's dashboard sidecar). */
    public static ObjectNode dashboard(List<Contract> products, Options options) {
        ObjectNode map = resource("v1", "ConfigMap", "meshwork-sla-dashboard", meshLabels().put("grafana_dashboard", "1"));
        map.putObject("data").put("meshwork-sla.json", SlaDashboard.json(products, options.datasource()));
        return map;
    }

    /** Name of a product's resources (and of its KafkaUser and its Secret): {@code <domain>-<name>}. */
    public static String nameOf(Contract product) {
        return AccessPolicy.principalOf(product).substring("User:".length());
    }

    private ObjectNode headlessService(Contract product) {
        ObjectNode service = resource("v1", "Service", nameOf(product) + "-headless", labels(product));
        ObjectNode spec = service.putObject("spec");
        spec.put("clusterIP", "None");
        // Instances find each other while rebalancing too: a pod that is not ready still forwards and answers.
        spec.put("publishNotReadyAddresses", true);
        spec.set("selector", selector(product));
        httpPort(spec.putArray("ports"));
        return service;
    }

    private ObjectNode service(Contract product) {
        ObjectNode service = resource("v1", "Service", nameOf(product), labels(product));
        ObjectNode spec = service.putObject("spec");
        spec.put("type", "ClusterIP");
        spec.set("selector", selector(product));
        httpPort(spec.putArray("ports"));
        return service;
    }

    private ObjectNode statefulSet(Contract product) {
        String name = nameOf(product);
        ObjectNode set = resource("apps/v1", "StatefulSet", name, labels(product));
        ObjectNode spec = set.putObject("spec");
        spec.put("serviceName", name + "-headless");
        spec.put("replicas", options.replicas());
        // Instances start and stop together: Kafka Streams, not Kubernetes, orders the work among them.
        spec.put("podManagementPolicy", "Parallel");
        spec.putObject("selector").set("matchLabels", selector(product));
        ObjectNode template = spec.putObject("template");
        ObjectNode podMetadata = template.putObject("metadata");
        podMetadata.set("labels", labels(product));
        ObjectNode pod = template.putObject("spec");
        // On SIGTERM the product commits, leaves the group and closes its stores: give it the time.
        pod.put("terminationGracePeriodSeconds", 60);
        pod.putObject("securityContext").put("runAsNonRoot", true).put("runAsUser", USER_ID)
                .put("runAsGroup", USER_ID).put("fsGroup", USER_ID);
        container(pod.putArray("containers").addObject(), product);
        ObjectNode caVolume = pod.putArray("volumes").addObject().put("name", "cluster-ca");
        caVolume.putObject("secret").put("secretName", options.cluster() + "-cluster-ca-cert");
        ObjectNode claim = spec.putArray("volumeClaimTemplates").addObject();
        claim.putObject("metadata").put("name", "state");
        ObjectNode claimSpec = claim.putObject("spec");
        claimSpec.putArray("accessModes").add("ReadWriteOnce");
        claimSpec.putObject("resources").putObject("requests").put("storage", options.storage());
        return set;
    }

    private void container(ObjectNode container, Contract product) {
        String name = nameOf(product);
        container.put("name", product.name());
        container.put("image", options.imageRepository() + "/" + product.name() + ":" + options.imageTag());
        container.putArray("ports").addObject().put("name", "http").put("containerPort", HTTP_PORT).put("protocol", "TCP");
        ArrayNode env = container.putArray("env");
        fieldRef(env, "POD_NAME", "metadata.name");
        fieldRef(env, "POD_NAMESPACE", "metadata.namespace");
        value(env, "MESHWORK_HTTP_PORT", Integer.toString(HTTP_PORT));
        value(env, "MESHWORK_ADVERTISED_URL",
                "http://$(POD_NAME)." + name + "-headless.$(POD_NAMESPACE).svc:" + HTTP_PORT);
        value(env, "MESHWORK_STATE_DIR", STATE_DIR);
        // Topics are KafkaTopics (mesh generate strimzi); the KafkaUser may not create them.
        value(env, "MESHWORK_CREATE_TOPICS", "false");
        secret(env, "MESHWORK_JWT_SECRET", QUERY_AUTH_SECRET, "jwt-secret", true);
        value(env, "KAFKA_BOOTSTRAP_SERVERS", options.cluster() + "-kafka-bootstrap:9093");
        value(env, "KAFKA_SECURITY_PROTOCOL", "SASL_SSL");
        value(env, "KAFKA_SASL_MECHANISM", "SCRAM-SHA-512");
        secret(env, "KAFKA_SASL_JAAS_CONFIG", name, "sasl.jaas.config", false);
        value(env, "KAFKA_SSL_TRUSTSTORE_TYPE", "PKCS12");
        value(env, "KAFKA_SSL_TRUSTSTORE_LOCATION", CLUSTER_CA_DIR + "/ca.p12");
        secret(env, "KAFKA_SSL_TRUSTSTORE_PASSWORD", options.cluster() + "-cluster-ca-cert", "ca.password", false);
        value(env, "KAFKA_PROCESSING_GUARANTEE", "exactly_once_v2");
        // A warm copy of every store on another instance: it takes over (and answers queries) without a restore.
        value(env, "KAFKA_NUM_STANDBY_REPLICAS", "1");
        ArrayNode mounts = container.putArray("volumeMounts");
        mounts.addObject().put("name", "state").put("mountPath", STATE_DIR);
        mounts.addObject().put("name", "cluster-ca").put("mountPath", CLUSTER_CA_DIR).put("readOnly", true);
        ObjectNode resources = container.putObject("resources");
        resources.putObject("requests").put("cpu", "500m").put("memory", "1Gi");
        resources.putObject("limits").put("cpu", "2").put("memory", "1Gi");
        // Up: the process answers. Ready: Kafka Streams RUNNING and every input topic exists (not while rebalancing).
        probe(container.putObject("startupProbe"), "/health", 5, 60);
        probe(container.putObject("livenessProbe"), "/health", 10, 3);
        probe(container.putObject("readinessProbe"), "/ready", 5, 3);
        container.putObject("securityContext").put("allowPrivilegeEscalation", false)
                .putObject("capabilities").putArray("drop").add("ALL");
    }

    private ObjectNode podMonitor(Contract product) {
        ObjectNode monitor = resource("monitoring.coreos.com/v1", "PodMonitor", nameOf(product), labels(product));
        ObjectNode spec = monitor.putObject("spec");
        spec.putObject("selector").set("matchLabels", selector(product));
        spec.putArray("podMetricsEndpoints").addObject().put("port", "http").put("path", "/metrics")
                .put("interval", "15s");
        return monitor;
    }

    private static ObjectNode resource(String apiVersion, String kind, String name, ObjectNode labels) {
        ObjectNode resource = Json.mapper().createObjectNode();
        resource.put("apiVersion", apiVersion).put("kind", kind);
        resource.putObject("metadata").put("name", name).set("labels", labels);
        return resource;
    }

    private static ObjectNode meshLabels() {
        return Json.mapper().createObjectNode().put("app.kubernetes.io/part-of", PART_OF);
    }

    private static ObjectNode labels(Contract product) {
        return selector(product).put("app.kubernetes.io/component", "data-product")
                .put("app.kubernetes.io/version", product.identity().version())
                .put("meshwork.io/domain", product.domain());
    }

    private static ObjectNode selector(Contract product) {
        return Json.mapper().createObjectNode().put("app.kubernetes.io/name", nameOf(product))
                .setAll(meshLabels());
    }

    private static void httpPort(ArrayNode ports) {
        ports.addObject().put("name", "http").put("port", HTTP_PORT).put("targetPort", "http").put("protocol", "TCP");
    }

    private static void value(ArrayNode env, String name, String value) {
        env.addObject().put("name", name).put("value", value);
    }

    private static void fieldRef(ArrayNode env, String name, String fieldPath) {
        env.addObject().put("name", name).putObject("valueFrom").putObject("fieldRef").put("fieldPath", fieldPath);
    }

    private static void secret(ArrayNode env, String name, String secret, String key, boolean optional) {
        ObjectNode ref = env.addObject().put("name", name).putObject("valueFrom").putObject("secretKeyRef")
                .put("name", secret).put("key", key);
        if (optional) {
            ref.put("optional", true);
        }
    }

    private static void probe(ObjectNode probe, String path, int periodSeconds, int failureThreshold) {
        probe.putObject("httpGet").put("path", path).put("port", "http");
        probe.put("periodSeconds", periodSeconds).put("failureThreshold", failureThreshold);
    }
}
