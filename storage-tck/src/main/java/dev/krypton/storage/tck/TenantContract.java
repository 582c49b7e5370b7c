package dev.krypton.storage.tck;

import static dev.krypton.storage.StorageException.Kind.CONFLICT;
import static dev.krypton.storage.StorageException.Kind.INVALID;
import static org.assertj.core.api.Assertions.assertThat;

import dev.krypton.storage.RootKeyRef;
import dev.krypton.storage.TenantRecord;
import dev.krypton.storage.TenantState;
import dev.krypton.storage.Write;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Tenant records: create, read, compare-and-set, tombstones, large and unicode records. */
public interface TenantContract extends StorageContext {

    @Test
    default void missingTenantIsEmpty() {
        assertThat(store().tenant("nobody")).isEmpty();
    }

    @Test
    default void createdTenantReadsBackEqual() {
        TenantRecord t = Fixtures.tenant("acme", 1);
        store().write(new Write.PutTenant(t, Write.ABSENT));
        assertThat(store().tenant("acme")).contains(t);
    }

    @Test
    default void unlinkedTenantWithoutRootKeyOrL2RoundTrips() {
        TenantRecord t = new TenantRecord("fresh", TenantState.UNLINKED, 1, RootKeyRef.UNSET, new byte[0], "", "",
                Instant.ofEpochSecond(1));
        store().write(new Write.PutTenant(t, Write.ABSENT));
        assertThat(store().tenant("fresh")).contains(t);
        assertThat(store().tenant("fresh").orElseThrow().hasWrappedL2()).isFalse();
    }

    @Test
    default void creatingAnExistingTenantConflictsAndKeepsTheFirst() {
        store().write(new Write.PutTenant(Fixtures.tenant("acme", 1), Write.ABSENT));
        Failures.expect(CONFLICT, () -> store().write(new Write.PutTenant(Fixtures.tenant("acme", 2), Write.ABSENT)));
        assertThat(store().tenant("acme")).contains(Fixtures.tenant("acme", 1));
    }

    @Test
    default void updateWithTheCurrentGenerationSucceeds() {
        store().write(new Write.PutTenant(Fixtures.tenant("acme", 1), Write.ABSENT));
        TenantRecord next = Fixtures.tenant("acme", 2, TenantState.DISABLED, 60);
        store().write(new Write.PutTenant(next, 1));
        assertThat(store().tenant("acme")).contains(next);
    }

    @Test
    default void updateWithAStaleGenerationConflictsAndChangesNothing() {
        store().write(new Write.PutTenant(Fixtures.tenant("acme", 1), Write.ABSENT));
        store().write(new Write.PutTenant(Fixtures.tenant("acme", 2), 1));
        Failures.expect(CONFLICT, () -> store().write(new Write.PutTenant(Fixtures.tenant("acme", 3), 1)));
        Failures.expect(CONFLICT, () -> store().write(new Write.PutTenant(Fixtures.tenant("acme", 9), 5)));
        assertThat(store().tenant("acme")).contains(Fixtures.tenant("acme", 2));
    }

    @Test
    default void updatingAMissingTenantConflicts() {
        Failures.expect(CONFLICT, () -> store().write(new Write.PutTenant(Fixtures.tenant("ghost", 2), 1)));
        assertThat(store().tenant("ghost")).isEmpty();
    }

    @Test
    default void destroyedTenantKeepsATombstoneWithoutL2() {
        store().write(new Write.PutTenant(Fixtures.tenant("gone", 1), Write.ABSENT));
        TenantRecord tomb = Fixtures.tenant("gone", 2, TenantState.DESTROYED, 0);
        store().write(new Write.PutTenant(tomb, 1));
        assertThat(store().tenant("gone")).contains(tomb);
        assertThat(store().tenant("gone").orElseThrow().hasWrappedL2()).isFalse();
    }

    @Test
    default void oneMebibyteWrappedL2RoundTrips() {
        TenantRecord big = Fixtures.tenant("big", 1, TenantState.ACTIVE, 1 << 20);
        store().write(new Write.PutTenant(big, Write.ABSENT));
        assertThat(store().tenant("big")).contains(big);
    }

    @Test
    default void unicodeTenantIdsAreDistinctAndExact() {
        String[] ids = {"mandant-ä", "mandant-a\u0308", "租户-東京", "tenant-😀", "tenant-\uFFFD", "ТЕНАНТ", "tenant-ß"};
        for (String id : ids) {
            store().write(new Write.PutTenant(Fixtures.tenant(id, 1), Write.ABSENT));
        }
        for (String id : ids) {
            assertThat(store().tenant(id)).contains(Fixtures.tenant(id, 1));
        }
        assertThat(store().tenant("TENANT-SS")).isEmpty();
    }

    @Test
    default void malformedIdsAreRejectedBeforeReachingStorage() {
        Failures.expect(INVALID, () -> store().tenant(""));
        Failures.expect(INVALID, () -> store().tenant("bad\u0000id"));
        Failures.expect(INVALID, () -> store().tenant("half-\uD83D"));
        Failures.expect(INVALID, () -> store().tenant("x".repeat(513)));
    }
}
