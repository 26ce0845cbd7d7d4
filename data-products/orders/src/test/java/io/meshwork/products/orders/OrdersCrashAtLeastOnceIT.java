package io.meshwork.products.orders;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshwork.test.DeliveryAudit;
import io.meshwork.testkit.junit.KafkaClusterExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code kill -9} of the orders product's process mid-stream under at_least_once: nothing lost, duplicates allowed. */
@Tag("fault")
class OrdersCrashAtLeastOnceIT {

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = KafkaClusterExtension.singleBroker();

    @TempDir
    Path dir;

    @Test
    void killsMidStreamLoseNothingUnderAtLeastOnce() {
        CrashLoop loop = new CrashLoop(KAFKA, dir);
        DeliveryAudit audit = loop.run("at_least_once", 3);
        assertThat(audit.missing(loop.produced())).as("input records never published").isEmpty();
        assertThat(audit.records()).isGreaterThanOrEqualTo(loop.produced().size());
    }
}
