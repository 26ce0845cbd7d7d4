package io.meshwork.benchmarks.e2e;

import io.meshwork.testkit.kafka.EmbeddedKafkaCluster;
import java.io.IOException;

/**
 * The broker of an end-to-end run, in a process of its own so that its CPU is not the app's: a single embedded
 * KRaft broker on the given port; prints {@code READY <bootstrap>} and runs until its standard input closes.
 */
public final class BrokerMain {

    private BrokerMain() {
    }

    public static void main(String[] args) throws IOException {
        try (EmbeddedKafkaCluster broker = EmbeddedKafkaCluster.builder().port(Integer.parseInt(args[0])).start()) {
            System.out.println("READY " + broker.bootstrapServers());
            System.out.flush();
            while (System.in.read() >= 0) {
                // runs until the harness closes our stdin (or dies)
            }
        }
    }
}
