package dev.krypton.storage.tck;

import dev.krypton.storage.ManagedObjectRecord;
import dev.krypton.storage.ObjectKind;
import dev.krypton.storage.ObjectState;
import dev.krypton.storage.RootKeyRef;
import dev.krypton.storage.TenantRecord;
import dev.krypton.storage.TenantState;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Map;

/**
 * Deterministic test records: every byte field is derived from the record's id and generation, so
 * a reader can recompute what must be stored and detect any torn or mixed-up write.
 */
public final class Fixtures {

    /** A fixed timestamp with microsecond precision (what every backend stores exactly). */
    public static final Instant T0 = Instant.parse("2026-01-02T03:04:05.123456Z");

    private Fixtures() {
    }

    /** An ACTIVE tenant with a 60-byte wrapped L2 derived from id and generation. */
    public static TenantRecord tenant(String tenantId, long generation) {
        return tenant(tenantId, generation, TenantState.ACTIVE, 60);
    }

    /** A tenant in the given state with a wrapped L2 of {@code l2Length} derived bytes. */
    public static TenantRecord tenant(String tenantId, long generation, TenantState state, int l2Length) {
        RootKeyRef root = new RootKeyRef("softhsm", "root-" + tenantId, "v" + generation,
                Map.of("slot", "0", "region", "eu-central"));
        return new TenantRecord(tenantId, state, generation, root, derive("l2|" + tenantId + "|" + generation, l2Length),
                "eu-central", "owner-" + tenantId, T0.plusSeconds(generation));
    }

    /** An ACTIVE L3 KEK version {@code tenant:kek:version} with derived blob, AAD and attributes. */
    public static ManagedObjectRecord kek(String tenantId, String kek, int version, long generation) {
        return object(tenantId + ":" + kek + ":" + version, tenantId, ObjectKind.KEK, kek, ObjectState.ACTIVE,
                version, generation, 44);
    }

    /** A managed object whose byte fields are derived from uid and generation. */
    public static ManagedObjectRecord object(String uid, String tenantId, ObjectKind kind, String name,
                                             ObjectState state, int version, long generation, int blobLength) {
        String seed = uid + "|" + generation;
        return new ManagedObjectRecord(uid, tenantId, kind, name, state, version, (int) generation,
                1_700_000_000_123_456_789L + version, derive("blob|" + seed, blobLength),
                (uid + ":" + generation).getBytes(StandardCharsets.UTF_8), derive("attr|" + seed, 32), generation);
    }

    /** {@code length} pseudo-random bytes determined by {@code seed} (SHA-256 in counter mode). */
    public static byte[] derive(String seed, int length) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] out = new byte[length];
            byte[] prefix = seed.getBytes(StandardCharsets.UTF_8);
            for (int off = 0, block = 0; off < length; off += 32, block++) {
                sha.update(prefix);
                sha.update(new byte[] {(byte) (block >>> 24), (byte) (block >>> 16), (byte) (block >>> 8), (byte) block});
                byte[] d = sha.digest();
                System.arraycopy(d, 0, out, off, Math.min(32, length - off));
            }
            return out;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
