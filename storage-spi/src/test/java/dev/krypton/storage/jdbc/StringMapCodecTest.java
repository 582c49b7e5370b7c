package dev.krypton.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.krypton.storage.StorageException;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StringMapCodecTest {

    @Test
    void roundTripsUnicodeAndEmptyMaps() {
        Map<String, String> map = Map.of("region", "eu-central-1", "rôle", "arn:aws:iam::1:role/k😀", "", "");
        assertThat(StringMapCodec.decode(StringMapCodec.encode(map), "t")).isEqualTo(map);
        assertThat(StringMapCodec.decode(StringMapCodec.encode(Map.of()), "t")).isEmpty();
    }

    @Test
    void damagedBytesAreCorrupt() {
        byte[] good = StringMapCodec.encode(Map.of("a", "b"));
        for (byte[] bad : new byte[][] {Arrays.copyOf(good, good.length - 1), Arrays.copyOf(good, good.length + 1), {0, 0}}) {
            assertThatThrownBy(() -> StringMapCodec.decode(bad, "acme")).isInstanceOfSatisfying(StorageException.class,
                    e -> assertThat(e.kind()).isEqualTo(StorageException.Kind.CORRUPT))
                    .hasMessage("The stored root-key metadata of tenant 'acme' is damaged.");
        }
    }
}
