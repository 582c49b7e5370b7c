package dev.krypton.rootkey.tck;

import dev.krypton.crypto.KeyHandle;
import dev.krypton.crypto.SecureMemory;
import dev.krypton.rootkey.HeapKeyBytes;
import dev.krypton.rootkey.RootKey;
import dev.krypton.rootkey.RootKeyBlob;
import dev.krypton.rootkey.RootKeyException;
import dev.krypton.rootkey.RootKeyRef;
import dev.krypton.rootkey.WrapContext;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A key of {@link FakeRootKeys}: AES-256-GCM (JCE) with AAD = key id, version and the wrap
 * context, so it binds the tenant like a real KMS with encryption context.
 * Blob ciphertext = {@code nonce(12) || ciphertext || tag(16)}.
 */
final class FakeRootKey implements RootKey {

    static final String MECHANISM = "FAKE-AES-256-GCM";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final RootKeyRef ref;
    private final FakeRootKeys world;
    private final SecureMemory memory;

    FakeRootKey(RootKeyRef ref, FakeRootKeys world, SecureMemory memory) {
        this.ref = ref;
        this.world = world;
        this.memory = memory;
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
        FakeKey key = world.enter("wrap", ref.keyId());
        int version = key.currentVersion();
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(nonce);
        byte[] sealed = HeapKeyBytes.lend(l2, plain -> crypt(Cipher.ENCRYPT_MODE, key, version, nonce, context, plain, 0));
        byte[] out = ByteBuffer.allocate(12 + sealed.length).put(nonce).put(sealed).array();
        return new RootKeyBlob(FakeRootKeyProvider.NAME, ref.keyId(), Integer.toString(version), MECHANISM, out);
    }

    @Override
    public KeyHandle unwrap(RootKeyBlob blob, WrapContext context) {
        FakeKey key = world.enter("unwrap", ref.keyId());
        if (!blob.provider().equals(FakeRootKeyProvider.NAME) || !blob.keyId().equals(ref.keyId())
                || !blob.mechanism().equals(MECHANISM)) {
            throw RootKeyException.denied("fake kms: blob was not made by key " + ref.keyId());
        }
        int version;
        try {
            version = Integer.parseInt(blob.keyVersion());
        } catch (NumberFormatException e) {
            throw RootKeyException.denied("fake kms: blob has no valid key version");
        }
        byte[] c = blob.ciphertext();
        if (c.length < 12 + 16) {
            throw RootKeyException.denied("fake kms: ciphertext too short");
        }
        byte[] nonce = Arrays.copyOf(c, 12);
        return HeapKeyBytes.adopt(memory, crypt(Cipher.DECRYPT_MODE, key, version, nonce, context, c, 12));
    }

    @Override
    public void probe(WrapContext context) {
        world.enter("probe", ref.keyId());
    }

    @Override
    public void close() {
    }

    private byte[] crypt(int mode, FakeKey key, int version, byte[] nonce, WrapContext context, byte[] in, int offset) {
        byte[] material = key.material(version);
        if (material.length == 0) {
            throw RootKeyException.denied("fake kms: key " + ref.keyId() + " has no version " + version);
        }
        try {
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(mode, new SecretKeySpec(material, "AES"), new GCMParameterSpec(128, nonce));
            gcm.updateAAD((ref.keyId() + "/" + version).getBytes(StandardCharsets.UTF_8));
            gcm.updateAAD(context.aad());
            return gcm.doFinal(in, offset, in.length - offset);
        } catch (AEADBadTagException e) {
            throw RootKeyException.denied("fake kms: blob does not authenticate (wrong key, context or tampered)");
        } catch (GeneralSecurityException e) {
            throw RootKeyException.denied("fake kms: " + e.getClass().getSimpleName());
        }
    }

    @Override
    public String toString() {
        return "FakeRootKey[" + ref + "]";
    }
}
