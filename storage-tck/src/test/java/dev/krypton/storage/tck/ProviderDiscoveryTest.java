package dev.krypton.storage.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.krypton.storage.StorageConfig;
import dev.krypton.storage.StorageException;
import dev.krypton.storage.StorageProviders;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProviderDiscoveryTest {

    @Test
    void memoryBackendIsFoundByName() {
        assertThat(StorageProviders.available()).containsKey("memory");
    }

    @Test
    void unknownBackendIsOneSentenceListingTheAvailableOnes() {
        StorageException e = Failures.expect(StorageException.Kind.CONFIG,
                () -> StorageProviders.open(new StorageConfig("mongo", Map.of())));
        assertThat(e.getMessage()).isEqualTo("Unknown storage backend 'mongo'; available: memory.");
    }

    @Test
    void unknownSettingIsRejectedByName() {
        StorageException e = Failures.expect(StorageException.Kind.CONFIG,
                () -> StorageProviders.open(new StorageConfig("memory", Map.of("pth", "/tmp/x"))));
        assertThat(e.getMessage()).isEqualTo("Unknown setting 'pth' for storage backend 'memory'; it takes no settings.");
    }
}
