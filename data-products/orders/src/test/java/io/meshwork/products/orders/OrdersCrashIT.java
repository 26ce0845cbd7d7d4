package io.meshwork.products.orders;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshwork.test.DeliveryAudit;
import io.meshwork.testkit.junit.KafkaClusterExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of the orders product's process in the middle of a stream, ten times in a row, on a real broker
 * under exactly_once_v2: every restart is ready within a bound, and the provenance headers of what was published
 * show each input record delivered exactly once.
 */
@Tag("fault")
class OrdersCrashIT {

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = KafkaClusterExtension.singleBroker();

    @TempDir
    Path dir;

    @Test
    void tenKillsMidStreamLoseAndDuplicateNothingUnderExactlyOnce() {
        CrashLoop loop = new CrashLoop(KAFKA, dir);
        DeliveryAudit audit = loop.run("exactly_once_v2", 10);
        assertThat(audit.duplicates()).as("input records published twice").isEmpty();
        assertThat(audit.missing(loop.produced())).as("input records never published").isEmpty();
        assertThat(audit.records()).isEqualTo(loop.produced().size());
        assertThat(loop.readyAfter()).hasSize(11).allSatisfy(ready -> assertThat(ready).isLessThan(CrashLoop.READY_BOUND));
    }
}
