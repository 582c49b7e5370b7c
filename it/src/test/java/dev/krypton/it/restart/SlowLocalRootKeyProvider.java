package dev.krypton.it.restart;

import dev.krypton.crypto.KeyHandle;
import dev.krypton.rootkey.KeyServices;
import dev.krypton.rootkey.RootKey;
import dev.krypton.rootkey.RootKeyBlob;
import dev.krypton.rootkey.RootKeyException;
import dev.krypton.rootkey.RootKeyProvider;
import dev.krypton.rootkey.RootKeyRef;
import dev.krypton.rootkey.WrapContext;
import dev.krypton.rootkey.local.LocalRootKeyProvider;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Test-only root-key provider {@code slow-local}, found by {@link java.util.ServiceLoader} on the
 * it test class path: the {@code local} provider (key file {@code <folder>/<key-id>.key}, the
 * layout of {@code root-keys.local-folder}) plus a fixed latency before every call, standing in
 * for a cloud KMS about 50 ms away. The folder is the system property {@value #FOLDER} of the
 * node process, else {@code ../root-keys} from its working folder (the layout of the
 * {@code dev.krypton.it.cluster} harness: node homes and {@code root-keys} side by side); the
 * latency is {@value #LATENCY} (milliseconds), else 50. Blobs are the local provider's, so a tenant
 * linked with {@code local} unwraps with {@code slow-local} from the same folder.
 */
public final class SlowLocalRootKeyProvider implements RootKeyProvider {

    public static final String NAME = "slow-local";
    public static final String FOLDER = "krypton.it.slow-local.folder";
    public static final String LATENCY = "krypton.it.slow-local.latency-ms";

    private final LocalRootKeyProvider local = new LocalRootKeyProvider(LocalRootKeyProvider.Mode.DEVELOPMENT);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RootKey open(RootKeyRef ref, KeyServices services) {
        if (!ref.keyId().matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
            throw RootKeyException.denied("slow-local: key id must be 1-64 letters, digits, '.', '_' or '-'");
        }
        Path folder = Path.of(System.getProperty(FOLDER, Path.of("").toAbsolutePath().resolveSibling("root-keys").toString()));
        Duration latency = Duration.ofMillis(Long.getLong(LATENCY, 50));
        String file = folder.resolve(ref.keyId() + ".key").toString();
        RootKey key = local.open(new RootKeyRef(LocalRootKeyProvider.NAME, ref.keyId(), ref.keyVersion(),
                Map.of("file", file)), services);
        return new Slowed(key, latency);
    }

    private record Slowed(RootKey key, Duration latency) implements RootKey {

        @Override
        public RootKeyRef ref() {
            return key.ref();
        }

        @Override
        public boolean bindsContext() {
            return key.bindsContext();
        }

        @Override
        public RootKeyBlob wrap(KeyHandle l2, WrapContext context) {
            pause();
            return key.wrap(l2, context);
        }

        @Override
        public KeyHandle unwrap(RootKeyBlob blob, WrapContext context) {
            pause();
            return key.unwrap(blob, context);
        }

        @Override
        public void probe(WrapContext context) {
            pause();
            key.probe(context);
        }

        @Override
        public void close() {
            key.close();
        }

        private void pause() {
            try {
                Thread.sleep(latency);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw RootKeyException.unavailable("slow-local: interrupted");
            }
        }
    }
}
