package io.meshwork.core.traffic;

import java.time.Instant;
import java.util.random.RandomGenerator;

/**
 * Synthetic records for an input topic that no data product produces (an operational system's events), so the
 * local mesh has traffic to process. A product module offers one per such input through
 * {@code META-INF/services/io.meshwork.core.traffic.SyntheticTraffic}; {@code mesh up} finds and runs them.
 */
public interface SyntheticTraffic {

    /** The topic the records are for. */
    String topic();

    /**
     * How often this source produces relative to the others (default 1): a source of weight 0.2 produces one
     * record for every five of a source of weight 1.
     */
    default double weight() {
        return 1.0;
    }

    /**
     * One record.
     *
     * @param random  randomness to draw from
     * @param now     the event time to stamp
     * @param invalid whether to make a record the product must dead-letter (bad bytes or a contract breach)
     */
    SyntheticRecord next(RandomGenerator random, Instant now, boolean invalid);
}
