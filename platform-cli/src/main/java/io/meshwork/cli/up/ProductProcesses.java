package io.meshwork.cli.up;

import io.meshwork.core.contract.Contract;
import io.meshwork.core.lineage.LineageConfig;
import io.meshwork.core.runtime.ProductConfig;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts product instances for {@code mesh up --processes}: each {@code java -jar <name>.jar} with nothing but
 * environment variables, the way an operator or a container runs it, so the local mesh exercises the standalone path.
 * Instances of one product share its application id and differ in query port, state directory and advertised URL.
 */
final class ProductProcesses {

    /** JVM options of every product process; {@value #DEFAULT_JAVA_OPTS} unless set. */
    static final String JAVA_OPTS_VARIABLE = "MESH_PRODUCT_JAVA_OPTS";
    /** A small heap and a quick start: five JVMs share two cores and a laptop's memory with the broker. */
    static final String DEFAULT_JAVA_OPTS = "-Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=1";

    private final ProductJars jars;
    private final MeshSettings mesh;
    private final Path contractsDir;
    private final ProcessLedger ledger;
    private final String javaOptions;

    ProductProcesses(ProductJars jars, MeshSettings mesh, Path contractsDir, Map<String, String> env) {
        this.jars = jars;
        this.mesh = mesh;
        this.contractsDir = contractsDir;
        this.ledger = new ProcessLedger(mesh.dataDir().resolve("processes"));
        this.javaOptions = env.getOrDefault(JAVA_OPTS_VARIABLE, DEFAULT_JAVA_OPTS);
        ledger.stopLeftovers();
    }

    /** Starts instance {@code label} of {@code contract}'s product with its query port on {@code port}. */
    ProcessInstance start(String label, Contract contract, int port) {
        Path jar = jars.of(contract.name()).toAbsolutePath();
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        Arrays.stream(javaOptions.trim().split("\\s+")).filter(option -> !option.isEmpty()).forEach(command::add);
        command.addAll(List.of("-jar", jar.toString()));
        ProcessInstance instance = ProcessInstance.start(label, contract, command, environment(label, port), port,
                mesh.dataDir().resolve("logs").resolve(label + ".log"), mesh.token().token());
        ledger.record(instance.pid(), jar);
        return instance;
    }

    /** Every product process was stopped. */
    void stopped() {
        ledger.clear();
    }

    /** What instance {@code label} is told: the same settings an in-process product gets, as variables. */
    Map<String, String> environment(String label, int port) {
        Map<String, String> env = new HashMap<>();
        mesh.kafkaSettings().forEach((name, value) ->
                env.put(ProductConfig.environmentVariable(name), String.valueOf(value)));
        env.put("MESHWORK_HTTP_HOST", MeshSettings.LOOPBACK);
        env.put("MESHWORK_HTTP_PORT", Integer.toString(port));
        env.put("MESHWORK_ADVERTISED_URL", "http://" + MeshSettings.LOOPBACK + ":" + port);
        env.put("MESHWORK_STATE_DIR", mesh.stateDir(label).toAbsolutePath().toString());
        env.put("MESHWORK_JWT_SECRET", mesh.token().secret());
        env.put("MESHWORK_OPENLINEAGE_TRANSPORT", "kafka");
        env.put("MESHWORK_OPENLINEAGE_TOPIC", LineageConfig.DEFAULT_TOPIC);
        // The mesh's contracts folder, so a contract edited in the repository is the one the product runs with; when the
        // mesh reads its contracts from inside a jar, the product reads its own from inside its jar.
        if (contractsDir.getFileSystem().equals(FileSystems.getDefault())) {
            env.put("MESHWORK_CONTRACTS_DIR", contractsDir.toAbsolutePath().toString());
        }
        return env;
    }
}
