package io.meshwork.testkit.kafka;

import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** The one admin client a cluster hands out, created on first use and closed with the cluster. */
final class SharedAdmin implements AutoCloseable {

    private final Map<String, Object> settings;
    private Admin admin;
    private boolean closed;

    /** @param settings client settings: {@code bootstrap.servers} and, on a secured cluster, the admin's credentials */
    SharedAdmin(Map<String, Object> settings) {
        this.settings = Map.copyOf(settings);
    }

    synchronized Admin get() {
        if (closed) {
            throw new IllegalStateException("Kafka cluster at " + settings.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG) + " is closed");
        }
        if (admin == null) {
            admin = Admin.create(settings);
        }
        return admin;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (admin != null) {
            admin.close();
            admin = null;
        }
    }
}
