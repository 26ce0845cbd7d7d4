package io.meshwork.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmptyStoreDirectoriesTest {

    @TempDir
    Path stateDir;

    @Test
    void storeDirectoriesWithoutAFileAreRemovedAndEverythingHoldingStateStays() throws IOException {
        Path app = stateDir.resolve("sales");
        Path neverWritten = Files.createDirectories(app.resolve("1_0/sales-per-minute"));
        Path segments = Files.createDirectories(app.resolve("1_1/sales-per-minute/sales-per-minute.1740823200000"));
        Path sst = Files.writeString(segments.resolve("000011.sst"), "state");
        Path emptyBesideState = Files.createDirectories(app.resolve("1_1/sales-per-minute/sales-per-minute.1740826800000"));
        Path metadata = Files.writeString(app.resolve("kafka-streams-process-metadata"), "id");

        EmptyStoreDirectories.prune(app);

        assertThat(neverWritten).doesNotExist();
        assertThat(emptyBesideState).doesNotExist();
        assertThat(app.resolve("1_0")).as("the task directory itself").isDirectory();
        assertThat(sst).hasContent("state");
        assertThat(metadata).exists();
    }

    @Test
    void aMissingApplicationDirectoryIsNothingToPrune() {
        EmptyStoreDirectories.prune(stateDir.resolve("never-started"));

        assertThat(stateDir.resolve("never-started")).doesNotExist();
    }

    @Test
    void theApplicationDirectoryIsTheApplicationIdBelowTheStateDirectory() {
        Properties properties = new Properties();
        properties.put("application.id", "sales");
        properties.put("state.dir", stateDir.toString());

        assertThat(EmptyStoreDirectories.of(properties)).isEqualTo(stateDir.resolve("sales"));
    }
}
