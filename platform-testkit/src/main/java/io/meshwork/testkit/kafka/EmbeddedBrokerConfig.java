package io.meshwork.testkit.kafka;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Broker and controller settings of the embedded cluster: loopback-only listeners and defaults
 * tuned for tests and local development.
 */
final class EmbeddedBrokerConfig {

    /** Listener clients and other brokers use. */
    static final String CLIENT_LISTENER = "CLIENT";
    /** Listener of the KRaft controllers. */
    static final String CONTROLLER_LISTENER = "RAFT";
    static final String LOOPBACK_HOST = "127.0.0.1";

    private EmbeddedBrokerConfig() {
    }

    /**
     * Settings shared by every node.
     *
     * <p>The listener names differ on purpose from those {@code KafkaClusterTestKit} pre-binds on
     * the wildcard address ({@code EXTERNAL}, {@code CONTROLLER}): ours bind to loopback only.
     */
    static Map<String, String> clusterWide(int brokers) {
        int replication = replicationFactor(brokers);
        String minIsr = Integer.toString(Math.max(1, replication - 1));
        Map<String, String> props = new LinkedHashMap<>();
        props.put("listener.security.protocol.map",
            CLIENT_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT,EXTERNAL:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("inter.broker.listener.name", CLIENT_LISTENER);
        props.put("controller.listener.names", CONTROLLER_LISTENER);

        // Topics exist because someone created them, as on a production cluster.
        props.put("auto.create.topics.enable", "false");
        // Internal topics must be creatable on a single broker, so exactly_once_v2 apps run.
        props.put("offsets.topic.replication.factor", Integer.toString(replication));
        props.put("offsets.topic.num.partitions", "5");
        props.put("transaction.state.log.replication.factor", Integer.toString(replication));
        props.put("transaction.state.log.min.isr", minIsr);
        props.put("transaction.state.log.num.partitions", "5");
        props.put("share.coordinator.state.topic.replication.factor", Integer.toString(replication));
        props.put("share.coordinator.state.topic.min.isr", minIsr);
        props.put("group.initial.rebalance.delay.ms", "0");
        // Behave like a released broker, not one with unstable features switched on.
        props.put("unstable.api.versions.enable", "false");
        props.put("unstable.feature.versions.enable", "false");
        // Small footprint on a laptop or a 2-core CI machine.
        props.put("num.network.threads", "2");
        props.put("num.io.threads", "4");
        props.put("background.threads", "4");
        props.put("log.cleaner.threads", "1");
        props.put("num.recovery.threads.per.data.dir", "1");
        // Brokers are unfenced (and so the cluster ready) after their first heartbeats: beat often.
        props.put("broker.heartbeat.interval.ms", "500");
        return props;
    }

    /** Replication factor of new topics and internal topics: the broker count, at most 3. */
    static int replicationFactor(int brokers) {
        return Math.min(brokers, 3);
    }

    /**
     * Settings that differ per node: its listeners, the quorum voters, and on controllers the
     * default replication factor of new topics (a controller setting in KRaft).
     *
     * @param brokerPorts     client port per broker id
     * @param controllerPorts controller port per controller id
     */
    static Map<Integer, Map<String, String>> perNode(Map<Integer, Integer> brokerPorts, Map<Integer, Integer> controllerPorts) {
        return perNode(brokerPorts, Map.of(), controllerPorts);
    }

    /**
     * As {@link #perNode(Map, Map)}, each broker with a second, inter-broker listener when {@code internalPorts}
     * names one (a secured cluster: {@link BrokerSecurity#INTERNAL_LISTENER}).
     */
    static Map<Integer, Map<String, String>> perNode(Map<Integer, Integer> brokerPorts, Map<Integer, Integer> internalPorts,
                                                     Map<Integer, Integer> controllerPorts) {
        String voters = controllerPorts.entrySet().stream()
            .map(e -> e.getKey() + "@" + LOOPBACK_HOST + ":" + e.getValue())
            .collect(Collectors.joining(","));
        Set<Integer> nodeIds = new TreeSet<>(brokerPorts.keySet());
        nodeIds.addAll(controllerPorts.keySet());
        Map<Integer, Map<String, String>> perNode = new TreeMap<>();
        for (int id : nodeIds) {
            List<String> listeners = new ArrayList<>();
            if (brokerPorts.containsKey(id)) {
                listeners.add(CLIENT_LISTENER + "://" + LOOPBACK_HOST + ":" + brokerPorts.get(id));
            }
            if (internalPorts.containsKey(id)) {
                listeners.add(BrokerSecurity.INTERNAL_LISTENER + "://" + LOOPBACK_HOST + ":" + internalPorts.get(id));
            }
            if (controllerPorts.containsKey(id)) {
                listeners.add(CONTROLLER_LISTENER + "://" + LOOPBACK_HOST + ":" + controllerPorts.get(id));
            }
            Map<String, String> props = new LinkedHashMap<>();
            props.put("listeners", String.join(",", listeners));
            props.put("controller.quorum.voters", voters);
            if (controllerPorts.containsKey(id)) {
                props.put("default.replication.factor", Integer.toString(replicationFactor(brokerPorts.size())));
            }
            perNode.put(id, props);
        }
        return perNode;
    }
}
