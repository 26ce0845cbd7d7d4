package io.meshwork.testkit.kafka;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DataDirectoryTest {

    @TempDir
    Path tmp;

    @Test
    void freshDirectoryIsTemporaryUnformattedAndDeletedOnRequest() {
        DataDirectory fresh = DataDirectory.fresh();

        assertThat(fresh.kept()).isFalse();
        assertThat(fresh.formatted()).isFalse();
        assertThat(fresh.path()).isDirectory();
        fresh.deleteIfFresh();
        assertThat(fresh.path()).doesNotExist();
    }

    @Test
    void newKeptDirectoryIsCreatedAndNeedsFormatting() {
        DataDirectory kept = DataDirectory.kept(tmp.resolve("a/b"), 1);

        assertThat(kept.path()).isDirectory();
        assertThat(kept.kept()).isTrue();
        assertThat(kept.formatted()).isFalse();
    }

    @Test
    void keptDirectoryMarkedFormattedIsReusedWithItsClusterId() {
        DataDirectory first = DataDirectory.kept(tmp, 3);
        first.markFormatted(3);

        DataDirectory again = DataDirectory.kept(tmp, 3);

        assertThat(again.formatted()).isTrue();
        assertThat(again.clusterId()).isEqualTo(first.clusterId());
    }

    @Test
    void keptDirectoryIsNeverDeleted() {
        DataDirectory kept = DataDirectory.kept(tmp, 1);
        kept.deleteIfFresh();

        assertThat(tmp).isDirectory();
    }

    @Test
    void keptDirectoryOfAnotherBrokerCountIsRefused() {
        DataDirectory.kept(tmp, 1).markFormatted(1);

        assertThatThrownBy(() -> DataDirectory.kept(tmp, 3))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("holds a 1-broker cluster; cannot start it with 3 broker(s)");
    }

    @Test
    void nonEmptyForeignDirectoryIsRefused() throws Exception {
        Files.writeString(tmp.resolve("notes.txt"), "mine");

        assertThatThrownBy(() -> DataDirectory.kept(tmp, 1))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("not empty and has no " + DataDirectory.STATE_FILE);
    }
}
