package dev.krypton.rootkey.vault;

import dev.krypton.rootkey.KeyServices;
import dev.krypton.rootkey.RootKey;
import dev.krypton.rootkey.RootKeyProvider;
import dev.krypton.rootkey.RootKeyRef;
import java.util.Objects;
import java.util.function.Function;

/**
 * Provider {@code vault-transit}: the root key is a HashiCorp Vault or OpenBao transit key.
 * Access metadata: see {@link VaultConfig}.
 */
public final class VaultTransitProvider implements RootKeyProvider {

    public static final String NAME = "vault-transit";

    private final Function<String, String> env;

    /** Reads token environment variables from the process environment. */
    public VaultTransitProvider() {
        this(System::getenv);
    }

    /** Reads token environment variables through {@code env} (tests). */
    public VaultTransitProvider(Function<String, String> env) {
        this.env = Objects.requireNonNull(env, "env");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RootKey open(RootKeyRef ref, KeyServices services) {
        return new VaultTransitKey(ref, VaultConfig.from(ref, env), services.memory());
    }
}
