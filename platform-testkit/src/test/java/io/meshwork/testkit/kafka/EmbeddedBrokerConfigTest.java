package io.meshwork.testkit.kafka;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedBrokerConfigTest {

    @Test
    void singleBrokerReplicatesInternalTopicsOnceSoTransactionsWork() {
        Map<String, String> config = EmbeddedBrokerConfig.clusterWide(1);

        assertThat(config)
            .containsEntry("auto.create.topics.enable", "false")
            .containsEntry("offsets.topic.replication.factor", "1")
            .containsEntry("transaction.state.log.replication.factor", "1")
            .containsEntry("transaction.state.log.min.isr", "1")
            .containsEntry("group.initial.rebalance.delay.ms", "0");
    }

    @Test
    void threeBrokersReplicateInternalTopicsThreeTimesWithMinIsrTwo() {
        Map<String, String> config = EmbeddedBrokerConfig.clusterWide(3);

        assertThat(config)
            .containsEntry("offsets.topic.replication.factor", "3")
            .containsEntry("transaction.state.log.replication.factor", "3")
            .containsEntry("transaction.state.log.min.isr", "2");
    }

    @Test
    void replicationIsCappedAtThree() {
        assertThat(EmbeddedBrokerConfig.clusterWide(5)).containsEntry("offsets.topic.replication.factor", "3");
        assertThat(EmbeddedBrokerConfig.replicationFactor(5)).isEqualTo(3);
    }

    @Test
    void everyNodeListensOnLoopbackAndKnowsTheVoters() {
        Map<Integer, Integer> brokerPorts = new LinkedHashMap<>();
        brokerPorts.put(0, 9092);
        brokerPorts.put(1, 9093);

        Map<Integer, Map<String, String>> perNode = EmbeddedBrokerConfig.perNode(brokerPorts, Map.of(0, 19092));

        assertThat(perNode.get(0))
            .containsEntry("listeners", "CLIENT://127.0.0.1:9092,RAFT://127.0.0.1:19092")
            .containsEntry("controller.quorum.voters", "0@127.0.0.1:19092")
            .containsEntry("default.replication.factor", "2");
        assertThat(perNode.get(1))
            .containsEntry("listeners", "CLIENT://127.0.0.1:9093")
            .containsEntry("controller.quorum.voters", "0@127.0.0.1:19092")
            .doesNotContainKey("default.replication.factor");
    }
}
