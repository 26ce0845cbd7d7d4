package io.meshwork.test;

import io.meshwork.core.DataProduct;
import io.meshwork.core.contract.ContractLocator;
import io.meshwork.core.runtime.ProductConfig;
import io.meshwork.core.runtime.ProductRuntime;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.kafka.streams.KafkaStreams;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/** Products started in the test's own JVM on a real cluster, as their integration tests start them. */
public final class RunningProducts {

    /** How long a product may take to reach RUNNING on a busy 2-core machine. */
    public static final Duration STARTUP_BOUND = Duration.ofSeconds(60);

    private RunningProducts() {
    }

    /**
     * The settings integration tests run products with: any free HTTP port, state under {@code stateDir},
     * {@code exactly_once_v2} (the default of generated deployments), and a 100 ms commit interval so that results
     * show up quickly.
     */
    public static ProductConfig exactlyOnce(String bootstrapServers, Path stateDir) {
        return ProductConfig.of(bootstrapServers)
                .withHttpPort(0)
                .withStateDir(stateDir)
                .withKafka("processing.guarantee", "exactly_once_v2")
                .withKafka("commit.interval.ms", 100);
    }

    /**
     * Starts {@code product} under its contract from the contracts folder and returns once it is RUNNING.
     *
     * @throws AssertionError if it is not RUNNING within {@link #STARTUP_BOUND} (it is closed then)
     */
    public static ProductRuntime startRunning(DataProduct product, ProductConfig config) {
        ProductRuntime runtime = ProductRuntime.start(product, ContractLocator.fromEnvironment().load(product.name()), config);
        try {
            // Stops early when the product fails (not live): waiting out the bound would tell nothing more.
            Awaitility.await().atMost(STARTUP_BOUND).pollInterval(Duration.ofMillis(100))
                    .until(() -> runtime.state() == KafkaStreams.State.RUNNING || !runtime.live());
        } catch (ConditionTimeoutException e) {
            // reported below with the state it is stuck in
        }
        KafkaStreams.State state = runtime.state();
        if (state != KafkaStreams.State.RUNNING) {
            runtime.close();
            throw new AssertionError(product.name() + " is " + state + ", not RUNNING, after " + STARTUP_BOUND);
        }
        return runtime;
    }
}
