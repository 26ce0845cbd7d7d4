package io.meshwork.products.customer360;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SegmentationTest {

    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    private static final Instant YESTERDAY = NOW.minus(Duration.ofDays(1));
    private static final Instant LONG_AGO = Instant.parse("2020-01-01T00:00:00Z");
    private static final Duration MS = Duration.ofMillis(1);

    @Test
    void premiumNeedsRevenueAboveTenThousandAndMoreThanTwelveOrdersInTheYear() {
        assertThat(segment("10000.01", 13, YESTERDAY, LONG_AGO)).isEqualTo(Segment.PREMIUM);
        assertThat(segment("10000.00", 13, YESTERDAY, LONG_AGO)).isEqualTo(Segment.STANDARD);
        assertThat(segment("10000.01", 12, YESTERDAY, LONG_AGO)).isEqualTo(Segment.STANDARD);
        assertThat(segment("99999", 0, YESTERDAY, LONG_AGO)).isEqualTo(Segment.STANDARD);
    }

    @Test
    void churningAfterMoreThan180DaysWithoutAnOrder() {
        Instant boundary = NOW.minus(Duration.ofDays(180));
        assertThat(segment("100", 0, boundary, LONG_AGO)).isEqualTo(Segment.STANDARD);
        assertThat(segment("100", 0, boundary.minus(MS), LONG_AGO)).isEqualTo(Segment.CHURNING);
    }

    @Test
    void newWhileCreatedLessThanSixCalendarMonthsAgo() {
        Instant sixMonthsAgo = Instant.parse("2026-05-20T12:00:00Z");
        assertThat(segment("0", 0, null, sixMonthsAgo)).isEqualTo(Segment.STANDARD);
        assertThat(segment("0", 0, null, sixMonthsAgo.plus(MS))).isEqualTo(Segment.NEW);
    }

    @Test
    void theFirstRuleThatHoldsWinsInTheArticlesOrder() {
        Instant churned = NOW.minus(Duration.ofDays(200));
        Instant justCreated = NOW.minus(Duration.ofDays(10));
        // premium before churning: 13 orders in the year, the last one 200 days ago
        assertThat(segment("20000", 13, churned, LONG_AGO)).isEqualTo(Segment.PREMIUM);
        // premium before new
        assertThat(segment("20000", 13, YESTERDAY, justCreated)).isEqualTo(Segment.PREMIUM);
        // churning before new: orders placed before the CRM created the customer
        assertThat(segment("100", 1, churned, justCreated)).isEqualTo(Segment.CHURNING);
    }

    @Test
    void withoutOrdersNeverChurningAndWithoutCrmNeverNew() {
        assertThat(segment("0", 0, null, null)).isEqualTo(Segment.STANDARD);
        assertThat(segment("0", 0, null, LONG_AGO)).isEqualTo(Segment.STANDARD);
        assertThat(segment("0", 0, null, YESTERDAY)).isEqualTo(Segment.NEW);
    }

    @Test
    void theFrequencyCountsOrdersOfTheLast365DaysOnly() {
        Instant yearAgo = NOW.minus(Duration.ofDays(365));
        OrderHistory history = OrderHistory.none().with(yearAgo).with(yearAgo.plus(MS)).with(YESTERDAY);

        assertThat(history.within(NOW).placedAt()).containsExactly(yearAgo.plus(MS), YESTERDAY);
        assertThat(history.within(NOW.plus(Duration.ofDays(1))).placedAt()).containsExactly(YESTERDAY);
    }

    @Test
    void historyStaysInTimeOrderWhenOrdersArriveOutOfOrder() {
        OrderHistory history = OrderHistory.none().with(NOW).with(LONG_AGO).with(YESTERDAY).with(NOW);

        assertThat(history.placedAt()).isEqualTo(List.of(LONG_AGO, YESTERDAY, NOW, NOW));
    }

    private static Segment segment(String revenue, int frequency, Instant lastOrderAt, Instant createdAt) {
        return Segmentation.of(new BigDecimal(revenue), frequency, lastOrderAt, createdAt, NOW);
    }
}
