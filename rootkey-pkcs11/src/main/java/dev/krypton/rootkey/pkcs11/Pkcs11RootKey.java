package dev.krypton.rootkey.pkcs11;

import dev.krypton.crypto.KeyHandle;
import dev.krypton.crypto.SecureMemory;
import dev.krypton.rootkey.HeapKeyBytes;
import dev.krypton.rootkey.RootKey;
import dev.krypton.rootkey.RootKeyBlob;
import dev.krypton.rootkey.RootKeyException;
import dev.krypton.rootkey.RootKeyRef;
import dev.krypton.rootkey.WrapContext;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.MessageDigest;
import java.security.Provider;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * A PKCS#11 root key: AES-256-GCM ({@code CKM_AES_GCM}) computed inside the token with a random
 * 12-byte IV, a 16-byte tag and AAD = {@link WrapContext#aad()}; blob ciphertext =
 * {@code iv || ciphertext || tag}. PKCS#11 keys have no versions; the key version stays empty.
 * Probe = encrypt and decrypt of 32 zero bytes, so a key with CKA_ENCRYPT or CKA_DECRYPT off is DENIED.
 *
 * <p>Heap crossing: SunPKCS11 takes the plaintext L2 from a byte array and returns it from an in-token
 * decrypt as a byte array on the Java heap; the input copy is zeroed after the call and the output
 * is moved into secure memory and zeroed at once ({@link HeapKeyBytes}). SunPKCS11's own native
 * buffers are freed by it and not under our control.
 */
final class Pkcs11RootKey implements RootKey {

    static final String MECHANISM = "CKM_AES_GCM";
    private static final int IV = 12;
    private static final int TAG = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final RootKeyRef ref;
    private final SecureMemory memory;
    private final Pkcs11Token token;

    Pkcs11RootKey(RootKeyRef ref, Pkcs11Config config, SecureMemory memory) {
        this.ref = ref;
        this.memory = memory;
        this.token = new Pkcs11Token(ref.keyId(), config);
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
        byte[] iv = new byte[IV];
        RANDOM.nextBytes(iv);
        byte[] sealed = HeapKeyBytes.lend(l2, plain -> gcm("wrap", Cipher.ENCRYPT_MODE, iv, context, plain, 0));
        byte[] out = ByteBuffer.allocate(IV + sealed.length).put(iv).put(sealed).array();
        return new RootKeyBlob(Pkcs11Provider.NAME, ref.keyId(), "", MECHANISM, out);
    }

    @Override
    public KeyHandle unwrap(RootKeyBlob blob, WrapContext context) {
        if (!blob.provider().equals(Pkcs11Provider.NAME) || !blob.keyId().equals(ref.keyId())
                || !blob.mechanism().equals(MECHANISM)) {
            throw RootKeyException.denied("pkcs11: blob was not made by key " + ref.keyId());
        }
        byte[] c = blob.ciphertext();
        if (c.length <= IV + TAG) {
            throw RootKeyException.denied("pkcs11: blob ciphertext too short");
        }
        return HeapKeyBytes.adopt(memory, gcm("unwrap", Cipher.DECRYPT_MODE, Arrays.copyOf(c, IV), context, c, IV));
    }

    @Override
    public void probe(WrapContext context) {
        byte[] iv = new byte[IV];
        RANDOM.nextBytes(iv);
        byte[] zeros = new byte[32];
        byte[] sealed = gcm("probe", Cipher.ENCRYPT_MODE, iv, context, zeros, 0);
        if (!MessageDigest.isEqual(zeros, gcm("probe", Cipher.DECRYPT_MODE, iv, context, sealed, 0))) {
            throw RootKeyException.denied("pkcs11 probe " + ref.keyId() + ": round trip returned other bytes");
        }
    }

    private byte[] gcm(String operation, int mode, byte[] iv, WrapContext context, byte[] in, int offset) {
        return token.use("pkcs11 " + operation + " " + ref.keyId(), (provider, key) -> {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding", provider);
            cipher.init(mode, key, new GCMParameterSpec(TAG * 8, iv));
            cipher.updateAAD(context.aad());
            return cipher.doFinal(in, offset, in.length - offset);
        });
    }

    @Override
    public void close() {
        token.close();
    }

    @Override
    public String toString() {
        return "Pkcs11RootKey[" + ref + "]";
    }

    /** Work done with the token's provider and the resolved key. */
    @FunctionalInterface
    interface TokenWork<T> {
        T run(Provider provider, Key key) throws GeneralSecurityException;
    }
}
