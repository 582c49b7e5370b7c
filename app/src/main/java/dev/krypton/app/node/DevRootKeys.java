package dev.krypton.app.node;

import dev.krypton.rootkey.KeyServices;
import dev.krypton.rootkey.RootKey;
import dev.krypton.rootkey.RootKeyException;
import dev.krypton.rootkey.RootKeyProvider;
import dev.krypton.rootkey.RootKeyRef;
import dev.krypton.rootkey.local.LocalRootKeyProvider;

import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Provider {@code local} of a development node: the key id names a key file in one folder
 * ({@code DIR/root-keys/<key-id>.key}, created on first link), so an Orbital task needs no access
 * metadata. Delegates to {@link LocalRootKeyProvider} in development mode.
 */
public final class DevRootKeys implements RootKeyProvider {

    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final Path folder;
    private final LocalRootKeyProvider local = new LocalRootKeyProvider(LocalRootKeyProvider.Mode.DEVELOPMENT);

    public DevRootKeys(Path folder) {
        this.folder = folder;
    }

    @Override
    public String name() {
        return LocalRootKeyProvider.NAME;
    }

    @Override
    public RootKey open(RootKeyRef ref, KeyServices services) {
        if (!KEY_ID.matcher(ref.keyId()).matches()) {
            throw RootKeyException.denied("local: key id must be 1-64 letters, digits, '.', '_' or '-'");
        }
        String file = folder.resolve(ref.keyId() + ".key").toString();
        return local.open(new RootKeyRef(ref.provider(), ref.keyId(), ref.keyVersion(), Map.of("file", file)), services);
    }
}
