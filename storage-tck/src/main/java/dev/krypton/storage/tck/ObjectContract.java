package dev.krypton.storage.tck;

import static dev.krypton.storage.StorageException.Kind.CONFLICT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.krypton.storage.ManagedObjectRecord;
import dev.krypton.storage.ObjectKind;
import dev.krypton.storage.ObjectQuery;
import dev.krypton.storage.ObjectState;
import dev.krypton.storage.PageRequest;
import dev.krypton.storage.Write;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Managed-object records: create, read, compare-and-set, delete and query. */
public interface ObjectContract extends StorageContext {

    @Test
    default void createdKekReadsBackEqual() {
        ManagedObjectRecord kek = Fixtures.kek("acme", "payments", 1, 1);
        store().write(new Write.PutObject(kek, Write.ABSENT));
        assertThat(store().object("acme:payments:1")).contains(kek);
        assertThat(store().object("acme:payments:2")).isEmpty();
    }

    @Test
    default void objectUpdateIsCompareAndSet() {
        store().write(new Write.PutObject(Fixtures.kek("acme", "k", 1, 1), Write.ABSENT));
        Failures.expect(CONFLICT, () -> store().write(new Write.PutObject(Fixtures.kek("acme", "k", 1, 1), Write.ABSENT)));
        store().write(new Write.PutObject(Fixtures.kek("acme", "k", 1, 2), 1));
        Failures.expect(CONFLICT, () -> store().write(new Write.PutObject(Fixtures.kek("acme", "k", 1, 3), 1)));
        assertThat(store().object("acme:k:1")).contains(Fixtures.kek("acme", "k", 1, 2));
    }

    @Test
    default void deleteNeedsTheCurrentGeneration() {
        store().write(new Write.PutObject(Fixtures.kek("acme", "k", 1, 1), Write.ABSENT));
        store().write(new Write.PutObject(Fixtures.kek("acme", "k", 1, 2), 1));
        Failures.expect(CONFLICT, () -> store().write(new Write.DeleteObject("acme:k:1", 1)));
        assertThat(store().object("acme:k:1")).isPresent();
        store().write(new Write.DeleteObject("acme:k:1", 2));
        assertThat(store().object("acme:k:1")).isEmpty();
        Failures.expect(CONFLICT, () -> store().write(new Write.DeleteObject("acme:k:1", 2)));
    }

    @Test
    default void oneMebibyteBlobRoundTrips() {
        ManagedObjectRecord big = Fixtures.object("acme:blob", "acme", ObjectKind.SECRET_DATA, "big",
                ObjectState.ACTIVE, 1, 1, 1 << 20);
        store().write(new Write.PutObject(big, Write.ABSENT));
        assertThat(store().object("acme:blob")).contains(big);
    }

    @Test
    default void emptyByteFieldsRoundTrip() {
        ManagedObjectRecord bare = new ManagedObjectRecord("acme:opaque", "acme", ObjectKind.OPAQUE_OBJECT, "",
                ObjectState.PRE_ACTIVE, 1, 0, 0, new byte[0], new byte[0], new byte[0], 1);
        store().write(new Write.PutObject(bare, Write.ABSENT));
        assertThat(store().object("acme:opaque")).contains(bare);
    }

    @Test
    default void queryFiltersByTenantNameStateAndKind() {
        store().write(List.of(
                new Write.PutObject(Fixtures.kek("acme", "pay", 1, 1), Write.ABSENT),
                new Write.PutObject(Fixtures.object("acme:pay:2", "acme", ObjectKind.KEK, "pay", ObjectState.DEACTIVATED, 2, 1, 44), Write.ABSENT),
                new Write.PutObject(Fixtures.kek("acme", "logs", 1, 1), Write.ABSENT),
                new Write.PutObject(Fixtures.object("acme:s1", "acme", ObjectKind.SECRET_DATA, "pay", ObjectState.ACTIVE, 1, 1, 16), Write.ABSENT),
                new Write.PutObject(Fixtures.kek("other", "pay", 1, 1), Write.ABSENT)));
        assertThat(uids(ObjectQuery.tenant("acme"))).containsExactly("acme:logs:1", "acme:pay:1", "acme:pay:2", "acme:s1");
        assertThat(uids(ObjectQuery.tenant("acme").withName("pay"))).containsExactly("acme:pay:1", "acme:pay:2", "acme:s1");
        assertThat(uids(ObjectQuery.tenant("acme").withName("pay").withKind(ObjectKind.KEK)))
                .containsExactly("acme:pay:1", "acme:pay:2");
        assertThat(uids(ObjectQuery.tenant("acme").withName("pay").withState(ObjectState.ACTIVE)))
                .containsExactly("acme:pay:1", "acme:s1");
        assertThat(uids(ObjectQuery.tenant("other"))).containsExactly("other:pay:1");
        assertThat(uids(ObjectQuery.tenant("nobody"))).isEmpty();
        assertThat(store().objects(ObjectQuery.tenant("acme").withName("pay").withKind(ObjectKind.KEK),
                PageRequest.first(10)).items().getFirst()).isEqualTo(Fixtures.kek("acme", "pay", 1, 1));
    }

    private List<String> uids(ObjectQuery query) {
        return store().objects(query, PageRequest.first(100)).items().stream().map(ManagedObjectRecord::uid).toList();
    }
}
