package dev.krypton.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.krypton.rootkey.tck.FakeRootKeys;
import dev.krypton.storage.ManagedObjectRecord;
import dev.krypton.storage.ObjectQuery;
import dev.krypton.storage.PageRequest;
import dev.krypton.storage.Storage;
import dev.krypton.storage.StorageConfig;
import dev.krypton.storage.StorageProviders;
import dev.krypton.storage.tck.Residue;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crypto-shredding on a real SQLite file: after the engine destroys a tenant (what Orbital's
 * KEY_DELETE runs), or a single KEK version or tenant object, no piece of the wrapped L2, of any
 * wrapped L3 or of a tenant object's wrapped material is left in {@code krypton.db} or its
 * {@code -wal}, {@code -shm} and {@code -journal} files, looked at while the node still runs. With
 * the root key, any such copy would give back the keys. The same search finds each blob before the
 * destroy, so the test cannot pass by looking in the wrong place.
 */
class ShredOnSqliteTest {

    private static final Principal ACME = Principal.of("acme");
    private static final TenantId TENANT = TenantId.of("acme");
    private static final int L2_TAIL = 48;

    @TempDir
    Path dir;

    private final SecureRandom random = new SecureRandom();
    private Path file;
    private Storage storage;
    private Member node;

    @BeforeEach
    void start() {
        file = dir.resolve("krypton.db");
        storage = StorageProviders.open(new StorageConfig("sqlite", Map.of("path", file.toString())));
        node = new Member(storage, new FakeRootKeys(), ClusterOptions.defaults());
    }

    @AfterEach
    void stop() {
        node.close();
        storage.close();
    }

    @Test
    void destroyingATenantLeavesNoWrappedKeyInTheDatabaseOrItsLog() {
        Member.Sealed beta = node.seal("beta", bytes(32));
        node.seal("acme", bytes(32));
        String orders = node.ops.createKek(ACME, TENANT, "orders").uid();
        node.ops.rekey(ACME, orders);
        node.ops.register(ACME, TENANT, ObjectType.SECRET_DATA, bytes(48),
                new ObjectTemplate(List.of("db"), "", 0, Set.of(), false, true, Map.of(), true));
        node.ops.create(ACME, TENANT, ObjectTemplate.aes256("data"));
        List<byte[]> superseded = material("acme");
        node.commands.execute(new TenantCommand.RotateTenantKey(TENANT));
        List<byte[]> current = material("acme");
        assertThat(current).as("wrapped L2, three L3 versions, two tenant objects").hasSize(6);
        for (byte[] m : current) {
            assertThat(Residue.find(atRest(), m)).as("found before the destroy").isNotEmpty();
        }

        node.commands.execute(new TenantCommand.Destroy(TENANT));

        assertThat(storage.tenant("acme").orElseThrow().hasWrappedL2()).isFalse();
        List<byte[]> all = new ArrayList<>(current);
        all.addAll(superseded);
        for (byte[] m : all) {
            assertThat(Residue.find(atRest(), m)).as("left in the files after the destroy").isEmpty();
        }
        assertThat(node.serves(beta)).as("the other tenant is untouched").isTrue();
        for (byte[] m : material("beta")) {
            assertThat(Residue.find(atRest(), m)).as("the other tenant's material is still found").isNotEmpty();
        }
    }

    @Test
    void destroyingOneKeyVersionOrObjectLeavesNoCopyOfItsBlob() {
        Member.Sealed kept = node.seal("acme", bytes(32));
        String old = node.ops.createKek(ACME, TENANT, "orders").uid();
        node.ops.rekey(ACME, old);
        String key = node.ops.create(ACME, TENANT, ObjectTemplate.aes256("data")).uid();
        byte[] oldBlob = storage.object(old).orElseThrow().wrappedBlob();
        byte[] keyBlob = storage.object(key).orElseThrow().wrappedBlob();
        assertThat(Residue.find(atRest(), oldBlob)).isNotEmpty();
        assertThat(Residue.find(atRest(), keyBlob)).isNotEmpty();

        node.ops.revoke(ACME, old, RevocationReason.CESSATION_OF_OPERATION);
        node.ops.destroy(ACME, old);
        node.ops.revoke(ACME, key, RevocationReason.CESSATION_OF_OPERATION);
        node.ops.destroy(ACME, key);

        assertThat(Residue.find(atRest(), oldBlob)).as("the destroyed KEK version").isEmpty();
        assertThat(Residue.find(atRest(), keyBlob)).as("the destroyed tenant object").isEmpty();
        assertThat(node.serves(kept)).as("the tenant's other keys still serve").isTrue();
    }

    /**
     * The tenant's wrapped L2 and every wrapped blob of its objects. Of the stored L2 only the end
     * counts: the envelope's headers (format, revision, root key name) are alike for every tenant,
     * the root key's ciphertext and tag at the end are what would give the L2 back.
     */
    private List<byte[]> material(String tenant) {
        List<byte[]> out = new ArrayList<>();
        byte[] l2 = storage.tenant(tenant).orElseThrow().wrappedL2();
        out.add(Arrays.copyOfRange(l2, l2.length - L2_TAIL, l2.length));
        for (ManagedObjectRecord r : storage.objects(ObjectQuery.tenant(tenant), PageRequest.first(100)).items()) {
            out.add(r.wrappedBlob());
        }
        return out;
    }

    private Map<String, byte[]> atRest() {
        return Residue.files(file);
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
