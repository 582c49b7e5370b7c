package dev.krypton.rootkey;

/**
 * A root-key provider plugin, found with {@link java.util.ServiceLoader} by {@link #name()}
 * ({@code local}, {@code pkcs11}, {@code vault-transit}, {@code aws-kms}, ...). See
 * {@link RootKeyProviders}.
 */
public interface RootKeyProvider {

    /** The name a {@link RootKeyRef#provider()} uses to select this provider. */
    String name();

    /**
     * Opens the referenced key: parses and checks the access metadata (a bad entry is DENIED) and
     * prepares clients or sessions. Opening does not have to contact the provider; {@link
     * RootKey#probe} does. Unwrapped keys are allocated in {@code services.memory()}.
     */
    RootKey open(RootKeyRef ref, KeyServices services);
}
