package io.meshwork.core.query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Where to ask for one key, in order: the instance holding its partition as active, then those holding standby
 * copies (this instance first), which answer only when the active one cannot. A request another instance forwarded
 * here is answered here or not at all, so requests never bounce between instances.
 */
final class KeyRoute {

    /**
     * One place to ask.
     *
     * @param host    the instance
     * @param standby whether it answers from a standby copy
     */
    record Attempt(HostInfo host, boolean standby) {
    }

    private KeyRoute() {
    }

    /**
     * The attempts for a key.
     *
     * @param owners       where the key's partition lives
     * @param self         this instance
     * @param forwarded    whether another instance forwarded the request here
     * @param standbyAsked whether the forwarding instance asked for the standby copy
     */
    static List<Attempt> plan(KeyQueryMetadata owners, HostInfo self, boolean forwarded, boolean standbyAsked) {
        if (forwarded) {
            if (self.equals(owners.activeHost())) {
                return List.of(new Attempt(self, false));
            }
            return standbyAsked && owners.standbyHosts().contains(self) ? List.of(new Attempt(self, true)) : List.of();
        }
        List<Attempt> attempts = new ArrayList<>();
        attempts.add(new Attempt(owners.activeHost(), false));
        owners.standbyHosts().stream()
                .sorted(Comparator.comparing((HostInfo h) -> !h.equals(self)).thenComparing(HostInfo::toString))
                .forEach(host -> attempts.add(new Attempt(host, true)));
        return List.copyOf(attempts);
    }
}
