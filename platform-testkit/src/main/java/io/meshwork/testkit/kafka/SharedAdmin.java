package io.meshwork.testkit.kafka;

import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** The one admin client a cluster hands out, created on first use and closed with the cluster. */
final class SharedAdmin implements AutoCloseable {

    private final String bootstrapServers;
    private Admin admin;
    private boolean closed;

    SharedAdmin(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    synchronized Admin get() {
        if (closed) {
            throw new IllegalStateException("Kafka cluster at " + bootstrapServers + " is closed");
        }
        if (admin == null) {
            admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
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
