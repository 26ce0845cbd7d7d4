package io.meshwork.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventTimeTest {

    private record Event(String timestamp) {
    }

    private final EventTime<Event> eventTime = EventTime.iso(Event::timestamp);

    @Test
    void readsAnIsoInstantFromTheValue() {
        assertThat(eventTime.of(new Event("2026-11-24T10:15:30.123Z"))).isEqualTo(Instant.parse("2026-11-24T10:15:30.123Z"));
    }

    @Test
    void missingOrUnreadableTimesFallBackToTheRecordTimestamp() {
        assertThat(eventTime.of(new Event(null))).isNull();
        assertThat(eventTime.of(new Event("yesterday"))).isNull();
    }
}
