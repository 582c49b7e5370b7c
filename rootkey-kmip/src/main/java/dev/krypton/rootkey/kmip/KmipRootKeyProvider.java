package dev.krypton.rootkey.kmip;

import dev.krypton.rootkey.KeyServices;
import dev.krypton.rootkey.RootKey;
import dev.krypton.rootkey.RootKeyException;
import dev.krypton.rootkey.RootKeyProvider;
import dev.krypton.rootkey.RootKeyRef;

/**
 * Provider {@code kmip}: the root key is an AES key held by any KMIP server, named by its Unique
 * Identifier and used through KMIP Encrypt/Decrypt over mutual TLS. Access metadata: see
 * {@link KmipConfig}; wrapping: see {@link KmipRootKey}.
 */
public final class KmipRootKeyProvider implements RootKeyProvider {

    public static final String NAME = "kmip";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RootKey open(RootKeyRef ref, KeyServices services) {
        if (!ref.provider().equals(NAME)) {
            throw RootKeyException.denied("kmip: reference names provider " + ref.provider());
        }
        KmipConfig config = KmipConfig.from(ref);
        return new KmipRootKey(ref, config, new KmipKeyCalls(ref.keyId(), config), services.memory());
    }
}
