package dev.krypton.app.node;

import dev.krypton.rootkey.RootKeyException;
import dev.krypton.rootkey.RootKeyRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DevRootKeysTest {

    @Test
    void keyIdThatWouldLeaveTheKeyFolderIsDeniedBeforeAnyFileIsTouched(@TempDir Path dir) {
        DevRootKeys keys = new DevRootKeys(dir.resolve("root-keys"));
        for (String id : new String[] {"../escape", "a/b", ".hidden", "x".repeat(65)}) {
            assertThatThrownBy(() -> keys.open(RootKeyRef.of("local", id, Map.of()), null))
                    .as(id).isInstanceOf(RootKeyException.class).hasMessageContaining("key id must be");
        }
        assertThat(dir.resolve("escape")).doesNotExist();
    }

    @Test
    void brokerPasswordNeverAppearsInText() {
        AmqpUrl url = AmqpUrl.parse("amqp://krypton:s3cr%40t@broker.example:5673");
        assertThat(url.password()).isEqualTo("s3cr@t");
        assertThat(url.port()).isEqualTo(5673);
        assertThat(url.toString()).doesNotContain("s3cr").isEqualTo("amqp://krypton@broker.example:5673");
    }
}
