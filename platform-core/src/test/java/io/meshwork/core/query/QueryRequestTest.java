package io.meshwork.core.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshwork.core.http.ProblemException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Reading scan and window parameters; every malformed one is a 400 naming what is wrong. */
class QueryRequestTest {

    private static final KeyFormat LONGS = KeyFormat.of(Long.class);

    @Test
    void windowBoundsAreInstantsOrEpochMillis() {
        TimeRange range = TimeRange.parse(Optional.of("2025-03-01T10:00:00+01:00"), Optional.of("1740826800000"));
        assertThat(range.from()).isEqualTo(Instant.parse("2025-03-01T09:00:00Z"));
        assertThat(range.to()).isEqualTo(Instant.ofEpochMilli(1740826800000L));
        assertThat(TimeRange.parse(Optional.empty(), Optional.empty()))
                .isEqualTo(new TimeRange(TimeRange.EARLIEST, TimeRange.LATEST));
        assertBadRequest(() -> TimeRange.parse(Optional.of("-5"), Optional.empty()), "from");
        assertBadRequest(() -> TimeRange.parse(Optional.of("2025-03-01"), Optional.empty()), "ISO-8601");
    }

    @Test
    void aScanContinuesAfterTheKeyItsTokenNames() {
        String token = ScanRequest.token(LONGS, 41L);
        ScanRequest request = ScanRequest.parse(params(Map.of("next", List.of(token), "limit", List.of("5"))), LONGS);
        assertThat(request.after()).contains(41L);
        assertThat(request.limit()).isEqualTo(5);
        assertThat(ScanRequest.parse(params(Map.of()), LONGS).limit()).isEqualTo(ScanRequest.DEFAULT_LIMIT);
    }

    @Test
    void pagesMergeInStoreOrderAndSayWhetherMoreFollow() {
        Page first = new Page(List.of(entry(1L), entry(4L)), false);
        Page second = new Page(List.of(entry(2L), entry(3L)), true);
        Page merged = Page.merge(List.of(first, second), 3);
        assertThat(merged.entries()).extracting(Page.Entry::key).containsExactly(1L, 2L, 3L);
        assertThat(merged.more()).isTrue();
        assertThat(merged.body("s", LONGS).get("next")).isEqualTo(ScanRequest.token(LONGS, 3L));
        assertThat(Page.merge(List.of(first), 3).body("s", LONGS).get("next")).isNull();
    }

    @Test
    void parametersAreCheckedStrictly() {
        assertBadRequest(() -> params(Map.of("lmit", List.of("5"))), "unknown parameter 'lmit'");
        assertBadRequest(() -> params(Map.of("limit", List.of("1", "2"))), "2 times");
        assertBadRequest(() -> params(Map.of("limit", List.of())), "percent-encoding");
        assertBadRequest(() -> ScanRequest.parse(params(Map.of("prefix", List.of("1"))), LONGS), "String keys");
    }

    private static QueryParameters params(Map<String, List<String>> values) {
        return QueryParameters.of(values, ScanRequest.PARAMETERS, "/stores/s/keys");
    }

    private static Page.Entry entry(long key) {
        return new Page.Entry(key, LONGS.bytes(key), "v" + key);
    }

    private static void assertBadRequest(Runnable call, String detail) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.problem().status()).isEqualTo(400);
            assertThat(e.problem().detail()).contains(detail);
        });
    }
}
