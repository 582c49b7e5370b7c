package dev.krypton.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Records never print blob contents, compare bytes by value and cannot be changed through their arrays. */
class RecordsTest {

    private static final byte[] SECRETISH = HexFormat.of().parseHex("deadbeefcafebabe0011223344556677");
    private static final String HEX = "deadbeef";

    private static TenantRecord tenant(byte[] l2) {
        return new TenantRecord("acme", TenantState.ACTIVE, 3, RootKeyRef.of("kms", "k1", "v1"), l2, "eu", "o",
                Instant.EPOCH);
    }

    private static ManagedObjectRecord object(byte[] blob) {
        return new ManagedObjectRecord("acme:k:1", "acme", ObjectKind.KEK, "k", ObjectState.ACTIVE, 1, 0, 5, blob,
                blob, blob, 1);
    }

    @Test
    void toStringShowsLengthsNotBytes() {
        String[] rendered = {tenant(SECRETISH).toString(), object(SECRETISH).toString(),
                new ProcessedTask("t", "e", SECRETISH, Instant.EPOCH).toString()};
        for (String s : rendered) {
            assertThat(s).contains("<16 bytes>").doesNotContain(HEX).doesNotContain("-34").doesNotContain("[B@");
        }
    }

    @Test
    void equalityIsByByteValue() {
        assertThat(tenant(SECRETISH.clone())).isEqualTo(tenant(SECRETISH.clone())).hasSameHashCodeAs(tenant(SECRETISH.clone()));
        assertThat(object(SECRETISH.clone())).isEqualTo(object(SECRETISH.clone())).hasSameHashCodeAs(object(SECRETISH.clone()));
        assertThat(tenant(new byte[] {1})).isNotEqualTo(tenant(new byte[] {2}));
    }

    @Test
    void arraysAreCopiedInAndOut() {
        byte[] input = SECRETISH.clone();
        ManagedObjectRecord r = object(input);
        input[0] = 0;
        r.wrappedBlob()[1] = 0;
        assertThat(r.wrappedBlob()).isEqualTo(SECRETISH);
        assertThat(r.aad()).isEqualTo(SECRETISH);
        assertThat(r.attributes()).isEqualTo(SECRETISH);
    }

    @Test
    void destroyedTenantCannotKeepAnL2() {
        assertThatThrownBy(() -> new TenantRecord("x", TenantState.DESTROYED, 2, RootKeyRef.UNSET, new byte[] {1}, "", "",
                Instant.EPOCH)).isInstanceOfSatisfying(StorageException.class,
                e -> assertThat(e.kind()).isEqualTo(StorageException.Kind.INVALID));
    }

    @Test
    void generationsMustBePositiveAndGrow() {
        assertThatThrownBy(() -> tenantAt(0)).isInstanceOf(StorageException.class);
        assertThatThrownBy(() -> new Write.PutTenant(tenantAt(3), 3)).isInstanceOf(StorageException.class)
                .hasMessage("A new generation must be greater than the expected generation 3 (got 3).");
        assertThatThrownBy(() -> new Write.DeleteObject("u", Write.ABSENT)).isInstanceOf(StorageException.class);
        assertThat(new Write.PutTenant(tenantAt(4), 3).id()).isEqualTo("acme");
    }

    @Test
    void rootKeyNeedsProviderAndKeyTogether() {
        assertThatThrownBy(() -> new RootKeyRef("kms", "", "", Map.of())).isInstanceOf(StorageException.class);
        assertThat(RootKeyRef.UNSET.isSet()).isFalse();
        assertThat(new RootKeyRef("kms", "k", "", Map.of("b", "2", "a", "1")).metadata().keySet()).containsExactly("a", "b");
    }

    private static TenantRecord tenantAt(long generation) {
        return new TenantRecord("acme", TenantState.ACTIVE, generation, RootKeyRef.UNSET, new byte[0], "", "", Instant.EPOCH);
    }
}
