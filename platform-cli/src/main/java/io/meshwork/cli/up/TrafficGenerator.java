package io.meshwork.cli.up;

import io.meshwork.core.traffic.SyntheticRecord;
import io.meshwork.core.traffic.SyntheticTraffic;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds the local mesh: produces synthetic records from every {@link SyntheticTraffic} on the classpath at a
 * steady rate, a given share of them deliberately invalid so the dead-letter path has something to show.
 */
final class TrafficGenerator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TrafficGenerator.class);
    private static final int TICKS_PER_SECOND = 10;

    private final List<SyntheticTraffic> sources;
    private final double invalidShare;
    private final double perTick;
    private final KafkaProducer<String, byte[]> producer;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "mesh-traffic");
        thread.setDaemon(true);
        return thread;
    });
    private final Random random = new Random();
    private final Clock clock = Clock.systemUTC();
    private final AtomicLong produced = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private double carry;

    /**
     * @param ratePerSecond records per second, over all sources
     * @param invalidShare  share of records made invalid on purpose, 0..1
     */
    TrafficGenerator(String bootstrapServers, Map<String, Object> connection, List<SyntheticTraffic> sources,
                     double ratePerSecond, double invalidShare) {
        this.sources = List.copyOf(sources);
        this.invalidShare = invalidShare;
        this.perTick = ratePerSecond / TICKS_PER_SECOND;
        Properties props = new Properties();
        props.putAll(connection);
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "mesh-traffic");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        this.producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    void start() {
        if (sources.isEmpty()) {
            LOG.warn("No synthetic traffic sources on the classpath: nothing will be produced");
            return;
        }
        scheduler.scheduleAtFixedRate(this::tick, 0, 1000 / TICKS_PER_SECOND, TimeUnit.MILLISECONDS);
    }

    /** Records produced and acknowledged so far. */
    long produced() {
        return produced.get();
    }

    /** Records the broker refused so far. */
    long failed() {
        return failed.get();
    }

    private void tick() {
        try {
            carry += perTick;
            for (; carry >= 1; carry--) {
                SyntheticTraffic source = pick();
                SyntheticRecord record = source.next(random, clock.instant(), random.nextDouble() < invalidShare);
                producer.send(new ProducerRecord<>(source.topic(), record.key(), record.value()), (metadata, error) -> {
                    if (error == null) {
                        produced.incrementAndGet();
                    } else {
                        failed.incrementAndGet();
                        LOG.warn("Could not produce to {}: {}", source.topic(), error.toString());
                    }
                });
            }
        } catch (RuntimeException e) {
            // A failing tick must not cancel the schedule.
            LOG.warn("Traffic tick failed", e);
        }
    }

    /** A source drawn in proportion to its weight. */
    private SyntheticTraffic pick() {
        double total = sources.stream().mapToDouble(SyntheticTraffic::weight).sum();
        double draw = random.nextDouble() * total;
        for (SyntheticTraffic source : sources) {
            draw -= source.weight();
            if (draw < 0) {
                return source;
            }
        }
        return sources.get(sources.size() - 1);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        producer.close(Duration.ofSeconds(5));
    }
}
