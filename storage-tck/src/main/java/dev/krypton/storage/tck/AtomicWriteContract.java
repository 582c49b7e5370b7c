package dev.krypton.storage.tck;

import static dev.krypton.storage.StorageException.Kind.CONFLICT;
import static dev.krypton.storage.StorageException.Kind.INVALID;
import static org.assertj.core.api.Assertions.assertThat;

import dev.krypton.storage.ObjectQuery;
import dev.krypton.storage.PageRequest;
import dev.krypton.storage.TenantState;
import dev.krypton.storage.Write;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Atomic multi-record writes: all changes or none, as rotation, re-wrap and destruction need. */
public interface AtomicWriteContract extends StorageContext {

    @Test
    default void aConflictInTheLastChangeWritesNothing() {
        store().write(new Write.PutObject(Fixtures.kek("acme", "k", 1, 1), Write.ABSENT));
        Failures.expect(CONFLICT, () -> store().write(List.of(
                new Write.PutTenant(Fixtures.tenant("acme", 1), Write.ABSENT),
                new Write.PutObject(Fixtures.kek("acme", "k", 2, 1), Write.ABSENT),
                new Write.PutObject(Fixtures.kek("acme", "k", 1, 5), 4))));
        assertThat(store().tenant("acme")).isEmpty();
        assertThat(store().object("acme:k:2")).isEmpty();
        assertThat(store().object("acme:k:1")).contains(Fixtures.kek("acme", "k", 1, 1));
    }

    @Test
    default void aConflictInTheFirstChangeWritesNothing() {
        store().write(new Write.PutTenant(Fixtures.tenant("acme", 1), Write.ABSENT));
        Failures.expect(CONFLICT, () -> store().write(List.of(
                new Write.PutTenant(Fixtures.tenant("acme", 2), Write.ABSENT),
                new Write.PutObject(Fixtures.kek("acme", "k", 1, 1), Write.ABSENT))));
        assertThat(store().tenant("acme")).contains(Fixtures.tenant("acme", 1));
        assertThat(store().object("acme:k:1")).isEmpty();
    }

    @Test
    default void rewrapOfEveryKekTogetherWithTheTenantIsAllApplied() {
        List<Write> create = new ArrayList<>(List.of(new Write.PutTenant(Fixtures.tenant("acme", 1), Write.ABSENT)));
        for (int v = 1; v <= 20; v++) {
            create.add(new Write.PutObject(Fixtures.kek("acme", "k", v, 1), Write.ABSENT));
        }
        store().write(create);
        List<Write> rewrap = new ArrayList<>(List.of(new Write.PutTenant(Fixtures.tenant("acme", 2), 1)));
        for (int v = 1; v <= 20; v++) {
            rewrap.add(new Write.PutObject(Fixtures.kek("acme", "k", v, 2), 1));
        }
        store().write(rewrap);
        assertThat(store().tenant("acme")).contains(Fixtures.tenant("acme", 2));
        assertThat(store().objects(ObjectQuery.tenant("acme"), PageRequest.first(100)).items())
                .hasSize(20).allSatisfy(o -> assertThat(o.generation()).isEqualTo(2));
    }

    @Test
    default void destructionDeletesEveryBlobAndLeavesATombstoneAtomically() {
        store().write(List.of(new Write.PutTenant(Fixtures.tenant("acme", 1), Write.ABSENT),
                new Write.PutObject(Fixtures.kek("acme", "k", 1, 1), Write.ABSENT),
                new Write.PutObject(Fixtures.kek("acme", "k", 2, 1), Write.ABSENT)));
        store().write(List.of(new Write.PutTenant(Fixtures.tenant("acme", 2, TenantState.DESTROYED, 0), 1),
                new Write.DeleteObject("acme:k:1", 1), new Write.DeleteObject("acme:k:2", 1)));
        assertThat(store().tenant("acme").orElseThrow().state()).isEqualTo(TenantState.DESTROYED);
        assertThat(store().objects(ObjectQuery.tenant("acme"), PageRequest.first(10)).items()).isEmpty();
    }

    @Test
    default void aConflictingDeleteCancelsTheOtherDeletes() {
        store().write(List.of(new Write.PutObject(Fixtures.kek("acme", "k", 1, 1), Write.ABSENT),
                new Write.PutObject(Fixtures.kek("acme", "k", 2, 1), Write.ABSENT)));
        Failures.expect(CONFLICT, () -> store().write(List.of(new Write.DeleteObject("acme:k:1", 1),
                new Write.DeleteObject("acme:k:2", 7))));
        assertThat(store().object("acme:k:1")).isPresent();
        assertThat(store().object("acme:k:2")).isPresent();
    }

    @Test
    default void emptyOrRepeatedWritesAreInvalid() {
        Failures.expect(INVALID, () -> store().write(List.of()));
        Failures.expect(INVALID, () -> store().write(List.of(new Write.PutObject(Fixtures.kek("a", "k", 1, 1), Write.ABSENT),
                new Write.DeleteObject("a:k:1", 1))));
        assertThat(store().object("a:k:1")).isEmpty();
    }
}
