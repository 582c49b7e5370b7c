package dev.krypton.app.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.krypton.app.AppException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeIdentityTest {

    @TempDir
    Path dir;

    @Test
    void aConfiguredIdWinsAndNothingIsWritten() {
        assertThat(NodeIdentity.resolve("eu-node-1", dir)).isEqualTo("eu-node-1");
        assertThat(dir.resolve(NodeIdentity.FILE)).doesNotExist();
    }

    @Test
    void aDerivedIdIsMadeOnceAndKeptAcrossRestarts() throws Exception {
        String first = NodeIdentity.resolve("", dir.resolve("state"));
        assertThat(first).matches("[a-z0-9.-]+-[0-9a-f]{8}");
        assertThat(Files.readString(dir.resolve("state").resolve(NodeIdentity.FILE)).strip()).isEqualTo(first);
        assertThat(NodeIdentity.resolve("", dir.resolve("state"))).isEqualTo(first);
        assertThat(NodeIdentity.resolve("", dir.resolve("other"))).as("another node on the same host").isNotEqualTo(first);
    }

    @Test
    void aControlCharacterInTheIdIsRefused() {
        assertThatThrownBy(() -> NodeIdentity.resolve("bad\nid", dir)).isInstanceOf(AppException.class)
                .hasMessageContaining("cluster.node-id");
    }
}
