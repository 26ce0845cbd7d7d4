package io.meshwork.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IsoInstantsTest {

    @Test
    void readsEveryInstantExactlyAsInstantParseDoes() {
        Random random = new Random(1);
        for (int i = 0; i < 100_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(-62_000_000_000L, 253_000_000_000L), random.nextInt(1_000_000_000));
            String text = instant.toString();
            assertThat(IsoInstants.parse(text)).as(text).isEqualTo(Instant.parse(text));
            String millis = Instant.ofEpochMilli(instant.toEpochMilli()).toString();
            assertThat(IsoInstants.parse(millis)).as(millis).isEqualTo(Instant.parse(millis));
        }
    }

    @Test
    void otherFormsAndOutOfRangeFieldsAreLeftToInstantParse() {
        for (String text : List.of("2026-12-01T21:38:57+01:00", "2026-12-01T21:38:57.5+00:00", "+12026-12-01T21:38:57Z",
                "2024-02-29T12:00:00Z", "2026-12-01T23:59:59.999999999Z", "2026-12-01T24:00:00Z", "2026-12-01T21:38:57.Z")) {
            assertThat(IsoInstants.parse(text)).as(text).isEqualTo(Instant.parse(text));
        }
        for (String text : List.of("2025-02-29T00:00:00Z", "2026-13-01T00:00:00Z", "2026-12-01T21:38:60Z",
                "2026-12-01 21:38:57Z", "2026-12-01T21:38:57.1234567890Z",
                "2026-1x-01T21:38:57Z", "not a time")) {
            assertThatThrownBy(() -> IsoInstants.parse(text)).as(text).isInstanceOf(DateTimeParseException.class);
        }
    }
}
