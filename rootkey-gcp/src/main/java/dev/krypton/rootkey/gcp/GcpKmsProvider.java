package dev.krypton.rootkey.gcp;

import dev.krypton.rootkey.KeyServices;
import dev.krypton.rootkey.RootKey;
import dev.krypton.rootkey.RootKeyProvider;
import dev.krypton.rootkey.RootKeyRef;
import java.util.Objects;
import java.util.function.Function;

/**
 * Provider {@code gcp-kms}: the root key is a Google Cloud KMS symmetric CryptoKey, used through the
 * Cloud KMS REST API ({@code v1/{name}:encrypt}, {@code :decrypt}). Access metadata: see {@link GcpKmsConfig}.
 */
public final class GcpKmsProvider implements RootKeyProvider {

    public static final String NAME = "gcp-kms";

    private final Function<String, String> env;

    /** Reads token environment variables from the process environment. */
    public GcpKmsProvider() {
        this(System::getenv);
    }

    /** Reads token environment variables through {@code env} (tests). */
    public GcpKmsProvider(Function<String, String> env) {
        this.env = Objects.requireNonNull(env, "env");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RootKey open(RootKeyRef ref, KeyServices services) {
        return new GcpKmsKey(ref, GcpKmsConfig.from(ref, env), services.memory());
    }
}
