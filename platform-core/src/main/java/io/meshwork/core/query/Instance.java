package io.meshwork.core.query;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;

/**
 * The running Kafka Streams application the port answers from.
 *
 * @param streams the application
 * @param self    this instance's {@code application.server}
 * @param local   reads of its own store partitions
 * @param peers   client for the other instances
 */
record Instance(KafkaStreams streams, HostInfo self, LocalStores local, PeerClient peers) {

    Instance(KafkaStreams streams, HostInfo self) {
        this(streams, self, new LocalStores(streams), new PeerClient(self));
    }

    /** {@code host:port}, as responses name the instance that answered. */
    String name() {
        return self.host() + ":" + self.port();
    }
}
