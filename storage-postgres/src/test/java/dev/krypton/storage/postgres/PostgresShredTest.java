package dev.krypton.storage.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.krypton.storage.ManagedObjectRecord;
import dev.krypton.storage.ObjectKind;
import dev.krypton.storage.ObjectState;
import dev.krypton.storage.Storage;
import dev.krypton.storage.StorageConfig;
import dev.krypton.storage.StorageProviders;
import dev.krypton.storage.TenantRecord;
import dev.krypton.storage.TenantState;
import dev.krypton.storage.Write;
import dev.krypton.storage.tck.Fixtures;
import dev.krypton.storage.tck.Residue;
import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Crypto-shredding on the real PostgreSQL, as far as it can be checked from a client.
 *
 * <p>PostgreSQL never updates a row in place: the overwrite with zeros makes a new row version and
 * the version holding the wrapped material stays in the table's pages until VACUUM prunes it, and
 * its bytes may stay in the page's free space after that, until the space is reused or the table is
 * rewritten. So what the store does is checked by its effect on the rows (triggers record what
 * each row held when it was deleted or replaced: zeros of the material's length), and the
 * operator's remedy is checked on the pages themselves ({@code pageinspect}): after
 * {@code VACUUM FULL} no piece of the material is left in the table or its TOAST table. The write-
 * ahead log cannot be searched from a client (PostgreSQL 15 has no {@code pg_walinspect}); the
 * WAL, archives, replicas and backups keep the material as docs/security.md says.
 */
class PostgresShredTest {

    private StorageConfig config;
    private Storage store;
    private Connection admin;
    private String schema;

    @BeforeEach
    void open() throws SQLException {
        config = TestDatabase.newStore();
        schema = config.require("schema");
        store = StorageProviders.open(config);
        admin = DriverManager.getConnection(TestDatabase.SERVER + TestDatabase.NAME, "postgres", "");
        run("CREATE EXTENSION IF NOT EXISTS pageinspect");
        run("CREATE TABLE " + schema + ".seen (tbl text, id text, old_blob bytea, new_blob bytea)");
        run("CREATE FUNCTION " + schema + ".seen_object() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                + "INSERT INTO " + schema + ".seen VALUES ('objects', OLD.uid, OLD.wrapped_blob, "
                + "CASE WHEN TG_OP = 'DELETE' THEN NULL ELSE NEW.wrapped_blob END); "
                + "RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END; END $$");
        run("CREATE FUNCTION " + schema + ".seen_tenant() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                + "INSERT INTO " + schema + ".seen VALUES ('tenants', OLD.tenant_id, OLD.wrapped_l2, NEW.wrapped_l2); "
                + "RETURN NEW; END $$");
        run("CREATE TRIGGER seen BEFORE UPDATE OR DELETE ON " + schema + ".objects FOR EACH ROW EXECUTE FUNCTION "
                + schema + ".seen_object()");
        run("CREATE TRIGGER seen BEFORE UPDATE ON " + schema + ".tenants FOR EACH ROW EXECUTE FUNCTION "
                + schema + ".seen_tenant()");
    }

    @AfterEach
    void close() throws SQLException {
        store.close();
        admin.close();
    }

    @Test
    void destroyOverwritesTheMaterialBeforeDroppingItAndVacuumFullLeavesNoPieceInTheTables() throws SQLException {
        TenantRecord acme = Fixtures.tenant("acme", 1);
        ManagedObjectRecord v1 = Fixtures.kek("acme", "orders", 1, 1);
        ManagedObjectRecord big = Fixtures.object("acme:cert-1", "acme", ObjectKind.PRIVATE_KEY, "tls", ObjectState.ACTIVE,
                1, 1, 9000);
        TenantRecord beta = Fixtures.tenant("beta", 1);
        store.write(List.of(new Write.PutTenant(acme, Write.ABSENT), new Write.PutObject(v1, Write.ABSENT),
                new Write.PutObject(big, Write.ABSENT), new Write.PutTenant(beta, Write.ABSENT)));
        List<byte[]> material = List.of(acme.wrappedL2(), v1.wrappedBlob(), big.wrappedBlob());
        for (byte[] m : material) {
            assertThat(Residue.find(pages(), m)).as("found in the pages before the destroy").isNotEmpty();
        }

        store.write(List.of(new Write.DeleteObject(v1.uid(), 1), new Write.DeleteObject(big.uid(), 1),
                new Write.PutTenant(Fixtures.tenant("acme", 2, TenantState.DESTROYED, 0), 1)));

        assertThat(seen("objects", v1.uid())).as("overwritten in place of the blob, then deleted holding zeros")
                .containsExactly(new Change(v1.wrappedBlob(), new byte[44]), new Change(new byte[44], null));
        assertThat(seen("objects", big.uid()))
                .containsExactly(new Change(big.wrappedBlob(), new byte[9000]), new Change(new byte[9000], null));
        assertThat(seen("tenants", "acme")).as("the L2 overwritten, then the tombstone stored without it")
                .containsExactly(new Change(acme.wrappedL2(), new byte[60]), new Change(new byte[60], new byte[0]));

        run("VACUUM FULL " + schema + ".objects, " + schema + ".tenants");
        for (byte[] m : material) {
            assertThat(Residue.find(pages(), m)).as("left in the pages after VACUUM FULL").isEmpty();
        }
        assertThat(Residue.find(pages(), beta.wrappedL2())).as("another tenant's L2 is still found").isNotEmpty();
    }

    /** What a row held before each update or delete, in order ({@code after} null for a delete). */
    record Change(byte[] before, byte[] after) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Change c && java.util.Arrays.equals(before, c.before) && java.util.Arrays.equals(after, c.after);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(before) * 31 + java.util.Arrays.hashCode(after);
        }

        @Override
        public String toString() {
            return "Change[" + summary(before) + " -> " + (after == null ? "deleted" : summary(after)) + "]";
        }

        private static String summary(byte[] b) {
            boolean zeros = true;
            for (byte x : b) {
                zeros &= x == 0;
            }
            return b.length + (zeros ? " zero bytes" : " bytes");
        }
    }

    private List<Change> seen(String table, String id) throws SQLException {
        List<Change> out = new ArrayList<>();
        try (PreparedStatement s = admin.prepareStatement("SELECT old_blob, new_blob FROM " + schema
                + ".seen WHERE tbl = ? AND id = ? ORDER BY ctid")) {
            s.setString(1, table);
            s.setString(2, id);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new Change(r.getBytes(1), r.getBytes(2)));
                }
            }
        }
        return out;
    }

    /** Every raw page of the objects and tenants tables and of their TOAST tables, by relation. */
    private Map<String, byte[]> pages() throws SQLException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Statement s = admin.createStatement(); ResultSet r = s.executeQuery("SELECT c.oid::regclass::text, "
                + "c.reltoastrelid::regclass::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE n.nspname = '" + schema + "' AND c.relname IN ('objects', 'tenants')")) {
            List<String> relations = new ArrayList<>();
            while (r.next()) {
                relations.add(r.getString(1));
                relations.add(r.getString(2));
            }
            for (String rel : relations) {
                out.put(rel, rawPages(rel));
            }
        }
        return out;
    }

    private byte[] rawPages(String relation) throws SQLException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        try (PreparedStatement s = admin.prepareStatement("SELECT get_raw_page(?, b) FROM generate_series(0, "
                + "(pg_relation_size(?::regclass) / current_setting('block_size')::int)::int - 1) AS b")) {
            s.setString(1, relation);
            s.setString(2, relation);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    all.writeBytes(r.getBytes(1));
                }
            }
        }
        return all.toByteArray();
    }

    private void run(String sql) throws SQLException {
        try (Statement s = admin.createStatement()) {
            s.execute(sql);
        }
    }
}
