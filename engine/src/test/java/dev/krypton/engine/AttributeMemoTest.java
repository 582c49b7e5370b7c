package dev.krypton.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The attribute memo answers exactly what decoding answers, and stays bounded. */
class AttributeMemoTest {

    private static ObjectAttributes attributes(ObjectState state) {
        return new ObjectAttributes(List.of("k"), ObjectType.SYMMETRIC_KEY, "AES", 256, Set.of(KeyUsage.DECRYPT), state,
                false, true, Instant.parse("2026-01-01T00:00:00Z"), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Map.of());
    }

    @Test
    void aChangedRecordDecodesAfresh() {
        var memo = new AttributeMemo();
        byte[] active = AttributeCodec.encode(attributes(ObjectState.ACTIVE), 3);
        assertThat(memo.decode(active)).isEqualTo(AttributeCodec.decode(active));
        assertThat(memo.decode(active.clone())).isSameAs(memo.decode(active));
        byte[] revoked = AttributeCodec.encode(attributes(ObjectState.COMPROMISED), 3);
        assertThat(memo.decode(revoked).attributes().state()).isEqualTo(ObjectState.COMPROMISED);
        active[active.length - 2] = '9';
        assertThat(memo.decode(active).gcmReserved()).isEqualTo(9);
    }

    @Test
    void holdsAtMostItsLimit() {
        var memo = new AttributeMemo();
        for (int i = 0; i < AttributeMemo.LIMIT + 10; i++) {
            memo.decode(AttributeCodec.encode(attributes(ObjectState.ACTIVE), i));
        }
        assertThat(memo.size()).isLessThanOrEqualTo(AttributeMemo.LIMIT);
    }
}
