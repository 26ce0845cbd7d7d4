package io.meshwork.products.alerts;

import io.meshwork.core.DataProduct;
import io.meshwork.core.ProductContext;
import io.meshwork.core.runtime.Meshwork;
import io.meshwork.core.serde.JsonSerde;
import java.time.Duration;
import java.util.Map;
import java.util.function.LongSupplier;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.Stores;

/**
 * analytics/high-volume-alerts: the article's {@code filter(col("order_count") > 1000)} on the revenue windows,
 * raised once per window instead of once per update. The threshold is {@value #THRESHOLD_ENV} (default
 * {@value #DEFAULT_THRESHOLD}); the windows that alerted are queryable in the {@value #STORE} store.
 */
public final class HighVolumeAlerts implements DataProduct {

    /** realtime-revenue's output topic. */
    public static final String REVENUE = "analytics.realtime-revenue";
    /** Window store of the alerts raised: region to its alerted windows, by window start. */
    public static final String STORE = "alerted-windows";
    /** Environment variable holding the threshold. */
    public static final String THRESHOLD_ENV = "MESHWORK_ALERT_THRESHOLD";
    /** The article's threshold. */
    public static final long DEFAULT_THRESHOLD = 1000;
    /**
     * How long an alerted window is remembered, counted back from the newest alerted window of the partition.
     * Far longer than realtime-revenue's window plus grace (15 minutes), after which a window gets no more updates.
     */
    public static final Duration REMEMBER_FOR = Duration.ofDays(1);
    /** realtime-revenue's window size; lays out the store's segments. */
    static final Duration REVENUE_WINDOW = Duration.ofMinutes(5);

    private final LongSupplier threshold;

    /**
     * The product with the threshold from the environment, as {@code mesh up} and {@link #main} run it. The variable
     * is read when the topology is built, so a bad value stops start-up with a message (exit code 2).
     */
    public HighVolumeAlerts() {
        this.threshold = () -> thresholdFrom(System.getenv());
    }

    /** The product alerting when a window has more than {@code threshold} orders. */
    public HighVolumeAlerts(long threshold) {
        if (threshold < 0) {
            throw new IllegalArgumentException("the alert threshold is an order count, at least 0; got " + threshold);
        }
        this.threshold = () -> threshold;
    }

    /**
     * The threshold in {@code env}'s {@value #THRESHOLD_ENV}, or {@value #DEFAULT_THRESHOLD} when unset.
     *
     * @throws IllegalArgumentException when it is not a whole number of at least 0
     */
    public static long thresholdFrom(Map<String, String> env) {
        String value = env.get(THRESHOLD_ENV);
        if (value == null || value.isBlank()) {
            return DEFAULT_THRESHOLD;
        }
        try {
            long threshold = Long.parseLong(value.strip());
            if (threshold >= 0) {
                return threshold;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(THRESHOLD_ENV + " is an order count (a whole number, at least 0); got '" + value + "'");
    }

    @Override
    public String name() {
        return "high-volume-alerts";
    }

    @Override
    public void topology(ProductContext ctx) {
        long limit = threshold.getAsLong();
        ctx.builder().addStateStore(Stores.timestampedWindowStoreBuilder(
                Stores.persistentTimestampedWindowStore(STORE, REMEMBER_FOR, REVENUE_WINDOW, false),
                Serdes.String(), new JsonSerde<>(HighVolumeAlert.class)));
        KStream<String, HighVolumeAlert> alerts = ctx.input(REVENUE, RevenueWindow.class)
                .process(() -> new OncePerWindow(limit, STORE), Named.as("once-per-window"), STORE);
        ctx.output(alerts);
        ctx.queries().window(STORE, String.class);
    }

    public static void main(String[] args) {
        Meshwork.run(new HighVolumeAlerts());
    }
}
