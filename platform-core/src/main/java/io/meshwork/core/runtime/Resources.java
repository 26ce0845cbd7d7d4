package io.meshwork.core.runtime;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;
import org.slf4j.Logger;

/** What a running product opened, closed in reverse order: on shutdown, or when start-up fails half-way. */
final class Resources {

    private final Deque<Runnable> closers = new ArrayDeque<>();

    /** Registers {@code resource} to be closed with {@link AutoCloseable#close()}. */
    <T extends AutoCloseable> T add(T resource) {
        return add(resource, r -> {
            try {
                r.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Registers {@code resource} to be closed by {@code closer}. */
    synchronized <T> T add(T resource, Consumer<? super T> closer) {
        closers.push(() -> closer.accept(resource));
        return resource;
    }

    /** Closes everything registered, newest first; one failure does not stop the others. */
    synchronized void closeAll(Logger log) {
        while (!closers.isEmpty()) {
            try {
                closers.pop().run();
            } catch (RuntimeException e) {
                log.warn("Could not close a resource cleanly", e);
            }
        }
    }
}
