package dev.krypton.rootkey.local;

import dev.krypton.crypto.CryptoException;
import dev.krypton.crypto.KeyHandle;
import dev.krypton.rootkey.KeyServices;
import dev.krypton.rootkey.RootKey;
import dev.krypton.rootkey.RootKeyBlob;
import dev.krypton.rootkey.RootKeyException;
import dev.krypton.rootkey.RootKeyRef;
import dev.krypton.rootkey.WrapContext;
import java.util.Arrays;

/**
 * A key-file root key: AES-256-GCM by the crypto engine with the root key in secure memory (the L2
 * never leaves it either), 12-byte random IV, AAD = {@link WrapContext#aad()};
 * blob ciphertext = {@code iv || ciphertext || tag}.
 * Wrap and probe create the file on first use; unwrap never does. Every call first checks the file
 * (exists, 0600, same content as loaded), so deleting or loosening the file stops unwrapping at once;
 * a replaced file is reloaded.
 */
final class LocalRootKey implements RootKey {

    static final String MECHANISM = "AES-256-GCM";

    private final RootKeyRef ref;
    private final KeyFile file;
    private static final int IV = 12;
    private static final int TAG = 16;

    private final KeyServices services;
    private KeyHandle key;
    private KeyFile.Stamp loaded;

    LocalRootKey(RootKeyRef ref, KeyFile file, KeyServices services) {
        this.ref = ref;
        this.file = file;
        this.services = services;
    }

    @Override
    public RootKeyRef ref() {
        return ref;
    }

    @Override
    public boolean bindsContext() {
        return true;
    }

    @Override
    public RootKeyBlob wrap(KeyHandle l2, WrapContext context) {
        file.createIfAbsent();
        byte[] iv = services.engine().randomBytes(IV);
        byte[] sealed = services.engine().gcmEncryptKey(current(), iv, context.aad(), l2);
        byte[] out = new byte[IV + sealed.length];
        System.arraycopy(iv, 0, out, 0, IV);
        System.arraycopy(sealed, 0, out, IV, sealed.length);
        return new RootKeyBlob(LocalRootKeyProvider.NAME, ref.keyId(), "", MECHANISM, out);
    }

    @Override
    public KeyHandle unwrap(RootKeyBlob blob, WrapContext context) {
        if (!blob.provider().equals(LocalRootKeyProvider.NAME) || !blob.keyId().equals(ref.keyId())
                || !blob.mechanism().equals(MECHANISM)) {
            throw RootKeyException.denied("local: blob was not made by key " + ref.keyId());
        }
        byte[] c = blob.ciphertext();
        if (c.length <= IV + TAG) {
            throw RootKeyException.denied("local: blob ciphertext too short");
        }
        KeyHandle root = current();
        try {
            return services.engine().gcmDecryptToKey(root, Arrays.copyOf(c, IV), context.aad(),
                    Arrays.copyOfRange(c, IV, c.length), services.memory());
        } catch (CryptoException e) {
            throw RootKeyException.denied("local: blob does not authenticate (wrong key, tenant or tampered)");
        }
    }

    @Override
    public void probe(WrapContext context) {
        file.createIfAbsent();
        current();
    }

    /** The loaded key, after checking the file; reloads when the file was replaced. */
    private synchronized KeyHandle current() {
        KeyFile.Stamp now = file.stat();
        if (key == null || !now.equals(loaded)) {
            KeyHandle fresh = file.load(services.memory());
            if (key != null) {
                key.wipe();
            }
            key = fresh;
            loaded = now;
        }
        return key;
    }

    @Override
    public synchronized void close() {
        if (key != null) {
            key.wipe();
            key = null;
        }
    }

    @Override
    public String toString() {
        return "LocalRootKey[" + ref + ", file=" + file + "]";
    }
}
