package io.meshwork.cli.up;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessLedgerTest {

    @TempDir
    Path dataDir;

    @Test
    void theNextMeshStopsTheProcessesAKilledMeshLeftRunningAndOnlyThose() throws Exception {
        Process leftover = new ProcessBuilder("sleep", "601").start();
        Process stranger = new ProcessBuilder("sleep", "602").start();
        try {
            ProcessLedger killedMesh = new ProcessLedger(dataDir.resolve("processes"));
            killedMesh.record(leftover.pid(), Path.of("601"));
            // The pid was recycled: the process now runs something else than the recorded jar.
            killedMesh.record(stranger.pid(), Path.of("/products/orders.jar"));

            new ProcessLedger(dataDir.resolve("processes")).stopLeftovers();

            assertThat(leftover.waitFor(10, TimeUnit.SECONDS)).as("the leftover was stopped").isTrue();
            assertThat(stranger.isAlive()).as("a process that does not run the recorded jar is left alone").isTrue();
            assertThat(dataDir.resolve("processes")).doesNotExist();
        } finally {
            leftover.destroyForcibly();
            stranger.destroyForcibly();
        }
    }

    @Test
    void aLedgerThatWasNeverWrittenHasNothingToStop() throws IOException {
        new ProcessLedger(dataDir.resolve("processes")).stopLeftovers();
        assertThat(dataDir.resolve("processes")).doesNotExist();
    }
}
