package dev.krypton.crypto;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecureMemoryTest {

    @Test
    void copyOfKeepsTheBytesAndZeroesTheSource() {
        try (SecureMemory memory = SecureMemory.open(SecureMemory.Options.defaults())) {
            byte[] source = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f");
            KeyHandle key = memory.copyOf(source);
            assertThat(source).containsOnly(0);
            byte[] seen = key.withKey(k -> k.toArray(ValueLayout.JAVA_BYTE));
            assertThat(HexFormat.of().formatHex(seen)).isEqualTo("000102030405060708090a0b0c0d0e0f");
        }
    }

    @Test
    void openedMemoryIsLockedAndExcludedFromDumps() {
        try (SecureMemory memory = SecureMemory.open(SecureMemory.Options.defaults())) {
            SecureMemory.Status status = memory.status();
            assertThat(status.locked()).isTrue();
            assertThat(status.notLockedReason()).isEmpty();
            assertThat(status.dumpExcluded()).isTrue();
            assertThat(status.capacity()).isEqualTo(64 * 1024);
        }
    }

    @Test
    void wipeZeroFillsTheBlockAndLaterLoansFail() {
        try (SecureMemory memory = SecureMemory.open(SecureMemory.Options.defaults())) {
            KeyHandle key = memory.random(32);
            MemorySegment raw = ((SlabKeyHandle) key).lend(k -> k);
            assertThat(raw.toArray(ValueLayout.JAVA_BYTE)).isNotEqualTo(new byte[32]);
            key.wipe();
            assertThat(raw.toArray(ValueLayout.JAVA_BYTE)).containsOnly(0);
            assertThat(key.isWiped()).isTrue();
            assertThatThrownBy(() -> key.withKey(k -> 1)).isInstanceOf(KeyWipedException.class);
            key.wipe();
            assertThat(memory.status().bytesInUse()).isZero();
        }
    }

    @Test
    void loanSegmentIsReadOnlyAndDeadAfterTheLoan() {
        try (SecureMemory memory = SecureMemory.open(SecureMemory.Options.defaults())) {
            KeyHandle key = memory.random(32);
            MemorySegment escaped = key.withKey(k -> {
                assertThat(k.isReadOnly()).isTrue();
                return k;
            });
            assertThatThrownBy(() -> escaped.get(ValueLayout.JAVA_BYTE, 0)).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void slabsGrowUntilTheLimitThenAllocationFailsCleanly() {
        try (SecureMemory memory = SecureMemory.open(new SecureMemory.Options(4096, 2, true))) {
            List<KeyHandle> keys = new ArrayList<>();
            for (int i = 0; i < 2 * 4096 / 32; i++) {
                keys.add(memory.random(32));
            }
            assertThat(memory.status().capacity()).isEqualTo(8192);
            assertThat(memory.status().bytesInUse()).isEqualTo(8192);
            assertThatThrownBy(() -> memory.random(32)).isInstanceOf(CryptoException.class)
                    .hasMessageContaining("exhausted");
            keys.getFirst().wipe();
            assertThat(memory.random(32).length()).isEqualTo(32);
        }
    }

    @Test
    void closeWipesEveryLiveHandle() {
        SecureMemory memory = SecureMemory.open(SecureMemory.Options.defaults());
        KeyHandle a = memory.random(16);
        KeyHandle b = memory.random(32);
        memory.close();
        assertThat(a.isWiped()).isTrue();
        assertThat(b.isWiped()).isTrue();
        assertThat(memory.status().closed()).isTrue();
        assertThatThrownBy(() -> memory.random(32)).isInstanceOf(CryptoException.class);
    }

    @Test
    void failingFillerLeavesNothingAllocated() {
        try (SecureMemory memory = SecureMemory.open(SecureMemory.Options.defaults())) {
            assertThatThrownBy(() -> memory.allocate(32, block -> {
                block.fill((byte) 7);
                throw new CryptoException("provider failed");
            })).hasMessage("provider failed");
            assertThat(memory.status().liveKeys()).isZero();
            assertThat(memory.status().bytesInUse()).isZero();
        }
    }

    @Test
    void failedLockIsReportedWithItsReasonAndMemoryStillWorks() {
        SecureMemory.Locker failing = pages -> new Libc.Outcome(-1, Libc.ENOMEM);
        try (SecureMemory memory = SecureMemory.open(SecureMemory.Options.defaults(), failing)) {
            SecureMemory.Status status = memory.status();
            assertThat(status.locked()).isFalse();
            assertThat(status.notLockedReason()).contains("mlock").contains("errno 12").contains("RLIMIT_MEMLOCK");
            KeyHandle key = memory.copyOf(new byte[] {1, 2, 3});
            byte third = key.withKey(k -> k.get(ValueLayout.JAVA_BYTE, 2));
            assertThat(third).isEqualTo((byte) 3);
        }
    }

    @Test
    void failedLockIsFatalWhenLockIsRequired() {
        SecureMemory.Locker failing = pages -> new Libc.Outcome(-1, Libc.ENOMEM);
        assertThatThrownBy(() -> SecureMemory.open(new SecureMemory.Options(4096, 1, true), failing))
                .isInstanceOf(CryptoException.class).hasMessageContaining("could not be locked");
    }

    @Test
    void toStringNamesNoKeyBytes() {
        try (SecureMemory memory = SecureMemory.open(SecureMemory.Options.defaults())) {
            KeyHandle key = memory.copyOf(HexFormat.of().parseHex("abababababababababababababababab"));
            assertThat(key.toString()).isEqualTo("KeyHandle[length=16]").doesNotContain("ab");
        }
    }
}
