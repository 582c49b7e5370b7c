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
 * for a cloud KMS about 50 ms away. The folder and latency come from the system properties
 * {@value #FOLDER} and {@value #LATENCY} of the node process. Blobs are the local provider's, so a
 * tenant linked with {@code local} unwraps with {@code slow-local} from the same folder.
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
        String folder = System.getProperty(FOLDER);
        if (folder == null) {
            throw RootKeyException.denied("slow-local: system property " + FOLDER + " is not set");
        }
        Duration latency = Duration.ofMillis(Long.getLong(LATENCY, 50));
        String file = Path.of(folder).resolve(ref.keyId() + ".key").toString();
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
