package io.meshwork.core.contract;

import java.time.Duration;
import java.util.Optional;

/**
 * The service levels a product promises its consumers.
 *
 * @param freshness    maximum age of the newest output record (ISO-8601 duration in the contract, e.g. {@code PT15M})
 * @param availability share of time the product is up, as a ratio ({@code 99.9%} in the contract is {@code 0.999})
 * @param qualityScore minimum share of records that pass the contract, 0..1
 */
public record Sla(Optional<Duration> freshness, Optional<Double> availability, Optional<Double> qualityScore) {

    /** No promises at all. */
    public static Sla none() {
        return new Sla(Optional.empty(), Optional.empty(), Optional.empty());
    }
}
