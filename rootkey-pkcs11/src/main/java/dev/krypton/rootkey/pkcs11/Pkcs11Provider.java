package dev.krypton.rootkey.pkcs11;

import dev.krypton.rootkey.KeyServices;
import dev.krypton.rootkey.RootKey;
import dev.krypton.rootkey.RootKeyProvider;
import dev.krypton.rootkey.RootKeyRef;
import java.util.Objects;
import java.util.function.Function;

/**
 * Provider {@code pkcs11}: the root key is an AES-256 secret key inside a PKCS#11 token (an HSM),
 * used through the JDK's SunPKCS11 provider. Access metadata: see {@link Pkcs11Config}.
 */
public final class Pkcs11Provider implements RootKeyProvider {

    public static final String NAME = "pkcs11";

    private final Function<String, String> env;

    /** Reads PIN environment variables from the process environment. */
    public Pkcs11Provider() {
        this(System::getenv);
    }

    /** Reads PIN environment variables through {@code env} (tests). */
    public Pkcs11Provider(Function<String, String> env) {
        this.env = Objects.requireNonNull(env, "env");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RootKey open(RootKeyRef ref, KeyServices services) {
        return new Pkcs11RootKey(ref, Pkcs11Config.from(ref, env), services.memory());
    }
}
