package io.meshwork.core.query;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a query about one key wherever the key lives: from this instance's partition, or by forwarding to the
 * instance that holds it, falling back to standby copies when the active instance cannot answer. Answers from a
 * standby say {@code "servedBy": "standby"}: they may lag the active copy.
 */
final class KeyLookup {

    private static final Logger LOG = LoggerFactory.getLogger(KeyLookup.class);

    /** Reads the key's answer from a local partition; throws a 404 problem when there is none. */
    @FunctionalInterface
    interface LocalRead {
        Map<String, Object> read(LocalStores local, int partition, boolean standby);
    }

    private KeyLookup() {
    }

    static void answer(Context ctx, Instance instance, ServedStore store, Object key, LocalRead read) {
        KeyQueryMetadata owners;
        try {
            owners = instance.streams().queryMetadataForKey(store.name(), key, store.keys().serializer());
        } catch (InvalidStateStoreException | IllegalStateException e) {
            throw StoreRoutes.unavailable("the product cannot locate keys right now: " + e.getMessage());
        }
        if (owners == null || KeyQueryMetadata.NOT_AVAILABLE.equals(owners) || owners.activeHost() == null) {
            throw StoreRoutes.unavailable("which instance holds the key is not known yet (rebalancing)");
        }
        boolean forwarded = ctx.header(PeerClient.FORWARDED_BY) != null;
        List<KeyRoute.Attempt> attempts = KeyRoute.plan(owners, instance.self(), forwarded,
                PeerClient.STANDBY.equals(ctx.header(PeerClient.SERVE)));
        List<String> failures = new ArrayList<>();
        for (KeyRoute.Attempt attempt : attempts) {
            if (attempt.host().equals(instance.self())) {
                try {
                    Map<String, Object> body = read.read(instance.local(), owners.partition(), attempt.standby());
                    body.put("servedBy", attempt.standby() ? "standby" : "active");
                    body.put("instance", instance.name());
                    StoreRoutes.json(ctx, 200, body);
                    return;
                } catch (InvalidStateStoreException e) {
                    failures.add(instance.name() + ": " + e.getMessage());
                }
            } else {
                Optional<String> failure = forward(ctx, instance, attempt);
                if (failure.isEmpty()) {
                    return;
                }
                failures.add(failure.get());
            }
        }
        throw StoreRoutes.unavailable(failures.isEmpty()
                ? "partition " + owners.partition() + " of store '" + store.name() + "' moved away from this instance"
                : "no instance holding partition " + owners.partition() + " of store '" + store.name()
                        + "' could answer: " + String.join("; ", failures));
    }

    /** Relays the other instance's answer; or says why it gave none worth relaying. */
    private static Optional<String> forward(Context ctx, Instance instance, KeyRoute.Attempt attempt) {
        String peer = attempt.host().host() + ":" + attempt.host().port();
        try {
            PeerClient.Answer answer = instance.peers().get(attempt.host(), StoreRoutes.pathAndQuery(ctx),
                    Optional.ofNullable(ctx.header("Authorization")), attempt.standby()).join();
            if (answer.status() == 503) {
                return Optional.of(peer + " is unavailable: " + answer.body());
            }
            answer.retryAfter().ifPresent(value -> ctx.header("Retry-After", value));
            ctx.status(answer.status()).contentType(answer.contentType()).result(answer.body());
            return Optional.empty();
        } catch (CompletionException e) {
            LOG.warn("{} did not answer {}: {}", peer, ctx.path(), e.getCause().toString());
            return Optional.of(peer + " did not answer: " + e.getCause());
        }
    }
}
