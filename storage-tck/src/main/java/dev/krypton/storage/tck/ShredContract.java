package dev.krypton.storage.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.krypton.storage.ManagedObjectRecord;
import dev.krypton.storage.ObjectKind;
import dev.krypton.storage.ObjectQuery;
import dev.krypton.storage.ObjectState;
import dev.krypton.storage.PageRequest;
import dev.krypton.storage.TenantRecord;
import dev.krypton.storage.TenantState;
import dev.krypton.storage.Write;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Crypto-shredding: destroying a key version (stored on without its blob) and then the tenant (its
 * objects deleted, its tombstone stored without the wrapped L2) drops the wrapped material from
 * every read and, where the test can read what the backend keeps at rest
 * ({@link StorageContext#bytesAtRest}), from there too, while the store is still open. The same
 * search finds the material before the destroy, so it cannot pass by looking in the wrong place.
 */
public interface ShredContract extends StorageContext {

    @Test
    default void destroyLeavesNoWrappedMaterialInReadsOrAtRest() {
        TenantRecord acme = Fixtures.tenant("acme", 1);
        ManagedObjectRecord v1 = Fixtures.kek("acme", "orders", 1, 1);
        ManagedObjectRecord v2 = Fixtures.kek("acme", "orders", 2, 1);
        ManagedObjectRecord big = Fixtures.object("acme:cert-1", "acme", ObjectKind.PRIVATE_KEY, "tls", ObjectState.ACTIVE,
                1, 1, 9000);
        TenantRecord beta = Fixtures.tenant("beta", 1);
        ManagedObjectRecord betaKek = Fixtures.kek("beta", "orders", 1, 1);
        store().write(List.of(new Write.PutTenant(acme, Write.ABSENT), new Write.PutObject(v1, Write.ABSENT),
                new Write.PutObject(v2, Write.ABSENT), new Write.PutObject(big, Write.ABSENT),
                new Write.PutTenant(beta, Write.ABSENT), new Write.PutObject(betaKek, Write.ABSENT)));
        List<byte[]> material = List.of(acme.wrappedL2(), v1.wrappedBlob(), v2.wrappedBlob(), big.wrappedBlob());
        boolean atRest = !bytesAtRest().isEmpty();
        if (atRest) {
            for (byte[] m : material) {
                assertThat(Residue.find(bytesAtRest(), m)).as("found at rest before the destroy").isNotEmpty();
            }
        }

        ManagedObjectRecord v1Destroyed = new ManagedObjectRecord(v1.uid(), v1.tenantId(), v1.kind(), v1.name(),
                ObjectState.DESTROYED, v1.version(), v1.revision(), v1.createdAtNanos(), new byte[0], new byte[0],
                v1.attributes(), 2);
        store().write(new Write.PutObject(v1Destroyed, 1));
        assertThat(store().object(v1.uid())).contains(v1Destroyed);
        if (atRest) {
            assertThat(Residue.find(bytesAtRest(), v1.wrappedBlob())).as("the destroyed version's blob at rest").isEmpty();
            assertThat(Residue.find(bytesAtRest(), v2.wrappedBlob())).as("a live version's blob at rest").isNotEmpty();
        }

        TenantRecord tomb = Fixtures.tenant("acme", 2, TenantState.DESTROYED, 0);
        store().write(List.of(new Write.DeleteObject(v1.uid(), 2), new Write.DeleteObject(v2.uid(), 1),
                new Write.DeleteObject(big.uid(), 1), new Write.PutTenant(tomb, 1)));
        assertThat(store().tenant("acme")).contains(tomb);
        assertThat(store().objects(ObjectQuery.tenant("acme"), PageRequest.first(10)).items()).isEmpty();
        if (atRest) {
            for (byte[] m : material) {
                assertThat(Residue.find(bytesAtRest(), m)).as("left at rest after the destroy").isEmpty();
            }
            assertThat(Residue.find(bytesAtRest(), beta.wrappedL2())).as("another tenant's L2 is kept").isNotEmpty();
            assertThat(Residue.find(bytesAtRest(), betaKek.wrappedBlob())).as("another tenant's KEK is kept").isNotEmpty();
        }
        assertThat(store().tenant("beta")).contains(beta);
        assertThat(store().object(betaKek.uid())).contains(betaKek);
    }
}
