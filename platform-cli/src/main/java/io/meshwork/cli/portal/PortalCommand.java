package io.meshwork.cli.portal;

import io.meshwork.core.security.AccessSettings;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mesh portal}: the mesh's web page, for any cluster whose products register on {@code meshwork.contracts}. */
@Command(name = "portal", mixinStandardHelpOptions = true,
        description = {"Serves the mesh portal until Ctrl-C: every registered data product with its contract, schema, "
                + "live SLA status, flow and dead letters, the lineage graph, and (with a token) its latest records.",
                "Tokens are verified as the products verify them: MESHWORK_JWT_SECRET, MESHWORK_JWT_PUBLIC_KEY or "
                        + "MESHWORK_JWKS_FILE. `mesh up` serves the portal itself."})
public final class PortalCommand implements Callable<Integer> {

    static final Duration REFRESH = Duration.ofSeconds(2);

    @Spec
    CommandSpec spec;

    @Option(names = "--bootstrap-servers", required = true, paramLabel = "HOST:PORT", description = "The Kafka cluster of the mesh.")
    String bootstrapServers;

    @Option(names = "--port", defaultValue = "8080", description = "Port of the portal (default: ${DEFAULT-VALUE}; 0: any free port).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--duration", description = "Stop by itself after this long (ISO-8601, e.g. PT60S); default: until Ctrl-C.")
    Duration duration;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        AccessSettings access;
        try {
            access = AccessSettings.fromEnvironment(System.getenv());
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("mesh portal: " + e.getMessage());
            return 2;
        }
        CountDownLatch stop = new CountDownLatch(1);
        try (Portal portal = Portal.start(bootstrapServers, host, port, access, REFRESH)) {
            out.println("Portal: " + portal.url() + " (mesh at " + bootstrapServers + "; Ctrl-C stops it)");
            out.flush();
            Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown, "mesh-portal-shutdown"));
            if (duration == null) {
                stop.await();
            } else {
                stop.await(duration.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
        return 0;
    }
}
