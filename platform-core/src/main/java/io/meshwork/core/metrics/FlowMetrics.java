package io.meshwork.core.metrics;

import io.meshwork.core.contract.Sla;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The meters of the record path: {@code dataproduct_records_in_total{topic}},
 * {@code dataproduct_records_out_total} and {@code dataproduct_records_dlq_total{reason}}, plus what each
 * outcome feeds: {@link DeliveryTimes} (freshness, end-to-end latency) for published records and
 * {@link QualityScore} for both. For every product, in = out + dlq + records the domain logic filtered or
 * aggregated away.
 */
public final class FlowMetrics {

    /** Micrometer name of the input counter ({@code dataproduct_records_in_total} in Prometheus). */
    public static final String IN = "dataproduct.records.in";
    /** Micrometer name of the output counter. */
    public static final String OUT = "dataproduct.records.out";
    /** Micrometer name of the dead-letter counter. */
    public static final String DLQ = "dataproduct.records.dlq";

    private final MeterRegistry registry;
    private final Counter out;
    private final Map<String, Counter> in = new ConcurrentHashMap<>();
    private final Map<String, Counter> dlq = new ConcurrentHashMap<>();
    private final DeliveryTimes delivery;
    private final QualityScore quality;

    /** Flow meters with no SLA-specific latency bucket. */
    public FlowMetrics(MeterRegistry registry) {
        this(registry, Sla.none());
    }

    /** Flow meters whose latency histogram has a bucket at {@code sla}'s freshness target. */
    public FlowMetrics(MeterRegistry registry, Sla sla) {
        this.registry = registry;
        this.out = Counter.builder(OUT).description("Records published on the output topic").register(registry);
        this.delivery = new DeliveryTimes(registry, sla.freshness());
        this.quality = new QualityScore(registry);
    }

    /** Pre-registers the input counter of {@code topic} so it reads 0 before the first record. */
    public void declareInput(String topic) {
        inputCounter(topic);
    }

    /** Pre-registers the dead-letter counter of {@code reason} so it reads 0 before the first dead letter. */
    public void declareDeadLetterReason(String reason) {
        deadLetterCounter(reason);
    }

    /** Counts one record read from {@code topic}. */
    public void recordIn(String topic) {
        inputCounter(topic).increment();
    }

    /** Counts one record published on the output topic with event time {@code eventTimeMs}. */
    public void recordOut(long eventTimeMs) {
        out.increment();
        delivery.delivered(eventTimeMs);
        quality.valid();
    }

    /** Counts one record sent to the dead-letter topic for {@code reason} (the metric's {@code reason} label). */
    public void recordDeadLetter(String reason) {
        deadLetterCounter(reason).increment();
        quality.invalid();
    }

    /** The input topics declared so far, sorted. */
    public Set<String> inputs() {
        return new TreeSet<>(in.keySet());
    }

    /** Records read so far from all inputs. */
    public double in() {
        return in.values().stream().mapToDouble(Counter::count).sum();
    }

    /** Records read so far from {@code topic}. */
    public double in(String topic) {
        Counter counter = in.get(topic);
        return counter == null ? 0 : counter.count();
    }

    /** Records published so far. */
    public double out() {
        return out.count();
    }

    /** Records sent to the dead-letter topic so far, for every reason. */
    public double deadLettered() {
        return dlq.values().stream().mapToDouble(Counter::count).sum();
    }

    /** Freshness and end-to-end latency of published records. */
    public DeliveryTimes delivery() {
        return delivery;
    }

    /** The rolling quality score. */
    public QualityScore quality() {
        return quality;
    }

    private Counter inputCounter(String topic) {
        return in.computeIfAbsent(topic, t -> Counter.builder(IN).tag("topic", t)
                .description("Records read from an input topic, including those that could not be read").register(registry));
    }

    private Counter deadLetterCounter(String reason) {
        return dlq.computeIfAbsent(reason, r -> Counter.builder(DLQ).tag("reason", r)
                .description("Records sent to the dead-letter topic, by reason").register(registry));
    }
}
