package io.meshwork.core.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshwork.core.query.KeyRoute.Attempt;
import java.util.Set;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;

class KeyRouteTest {

    private static final HostInfo SELF = new HostInfo("a", 8080);
    private static final HostInfo OTHER = new HostInfo("b", 8080);
    private static final HostInfo THIRD = new HostInfo("c", 8080);

    @Test
    void theActiveInstanceIsAskedFirstThenStandbysThisOneFirst() {
        KeyQueryMetadata owners = new KeyQueryMetadata(OTHER, Set.of(THIRD, SELF), 3);
        assertThat(KeyRoute.plan(owners, SELF, false, false)).containsExactly(
                new Attempt(OTHER, false), new Attempt(SELF, true), new Attempt(THIRD, true));
    }

    @Test
    void aKeyHeldHereIsReadHere() {
        assertThat(KeyRoute.plan(new KeyQueryMetadata(SELF, Set.of(), 0), SELF, false, false))
                .containsExactly(new Attempt(SELF, false));
    }

    @Test
    void aForwardedRequestIsAnsweredHereOrNotAtAll() {
        KeyQueryMetadata heldElsewhere = new KeyQueryMetadata(OTHER, Set.of(SELF), 1);
        assertThat(KeyRoute.plan(heldElsewhere, SELF, true, false)).isEmpty();
        assertThat(KeyRoute.plan(heldElsewhere, SELF, true, true)).containsExactly(new Attempt(SELF, true));
        assertThat(KeyRoute.plan(new KeyQueryMetadata(OTHER, Set.of(THIRD), 1), SELF, true, true)).isEmpty();
        assertThat(KeyRoute.plan(new KeyQueryMetadata(SELF, Set.of(OTHER), 1), SELF, true, false))
                .containsExactly(new Attempt(SELF, false));
    }
}
