package dev.krypton.rootkey.azure;

import dev.krypton.rootkey.KeyServices;
import dev.krypton.rootkey.RootKey;
import dev.krypton.rootkey.RootKeyProvider;
import dev.krypton.rootkey.RootKeyRef;
import java.util.Objects;
import java.util.function.Function;

/**
 * Provider {@code azure-keyvault}: the root key is an Azure Key Vault RSA key or a Managed HSM AES
 * key, used through the REST operations {@code wrapkey} and {@code unwrapkey}. Access metadata:
 * see {@link AzureConfig}.
 */
public final class AzureKeyVaultProvider implements RootKeyProvider {

    public static final String NAME = "azure-keyvault";

    private final Function<String, String> env;

    /** Reads token environment variables from the process environment. */
    public AzureKeyVaultProvider() {
        this(System::getenv);
    }

    /** Reads token environment variables through {@code env} (tests). */
    public AzureKeyVaultProvider(Function<String, String> env) {
        this.env = Objects.requireNonNull(env, "env");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RootKey open(RootKeyRef ref, KeyServices services) {
        return new AzureKeyVaultKey(ref, AzureConfig.from(ref, env), services.memory());
    }
}
