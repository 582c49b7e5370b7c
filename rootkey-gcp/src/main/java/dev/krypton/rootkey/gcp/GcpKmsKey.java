package dev.krypton.rootkey.gcp;

import dev.krypton.crypto.KeyHandle;
import dev.krypton.crypto.SecureMemory;
import dev.krypton.rootkey.HeapKeyBytes;
import dev.krypton.rootkey.RootKey;
import dev.krypton.rootkey.RootKeyBlob;
import dev.krypton.rootkey.RootKeyException;
import dev.krypton.rootkey.RootKeyRef;
import dev.krypton.rootkey.WrapContext;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * A Cloud KMS CryptoKey. Wrap = {@code :encrypt}, unwrap = {@code :decrypt}, both with
 * additionalAuthenticatedData = {@link WrapContext#aad()}. Cloud KMS picks the primary version to
 * encrypt and finds the version from the ciphertext to decrypt; the blob records the version named
 * in the encrypt response ({@code .../cryptoKeyVersions/N}). Probe = encrypt and decrypt of 32 zero bytes.
 *
 * <p>Heap crossing: plaintext travels as base64 JSON, through arrays zeroed at once ({@link HeapKeyBytes});
 * the JDK HttpClient's buffers are beyond reach.
 */
final class GcpKmsKey implements RootKey {

    static final String MECHANISM = "GOOGLE_SYMMETRIC_ENCRYPTION";

    private final RootKeyRef ref;
    private final SecureMemory memory;
    private final GcpKmsClient client;

    GcpKmsKey(RootKeyRef ref, GcpKmsConfig config, SecureMemory memory) {
        this.ref = ref;
        this.memory = memory;
        this.client = new GcpKmsClient(config);
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
        byte[] response = HeapKeyBytes.lend(l2, plain -> encrypt(plain, context));
        String name = GcpJson.text(response, "name");
        String version = name.substring(name.lastIndexOf('/') + 1);
        return new RootKeyBlob(GcpKmsProvider.NAME, ref.keyId(), version, MECHANISM, GcpJson.binary(response, "ciphertext"));
    }

    @Override
    public KeyHandle unwrap(RootKeyBlob blob, WrapContext context) {
        if (!blob.provider().equals(GcpKmsProvider.NAME) || !blob.keyId().equals(ref.keyId())
                || !blob.mechanism().equals(MECHANISM)) {
            throw RootKeyException.denied("gcp-kms: blob was not made by key " + ref.keyId());
        }
        byte[] plain = decrypt(blob.ciphertext(), context);
        if (plain.length == 0) {
            throw RootKeyException.denied("gcp-kms decrypt " + ref.keyId() + ": empty plaintext");
        }
        return HeapKeyBytes.adopt(memory, plain);
    }

    @Override
    public void probe(WrapContext context) {
        byte[] zeros = new byte[32];
        byte[] back = decrypt(GcpJson.binary(encrypt(zeros, context), "ciphertext"), context);
        if (!MessageDigest.isEqual(zeros, back)) {
            throw RootKeyException.denied("gcp-kms probe " + ref.keyId() + ": round trip returned other bytes");
        }
    }

    private byte[] encrypt(byte[] plain, WrapContext context) {
        byte[] body = GcpJson.body("plaintext", plain, context.aad());
        try {
            return client.post(ref.keyId(), "encrypt", body);
        } finally {
            Arrays.fill(body, (byte) 0);
        }
    }

    private byte[] decrypt(byte[] ciphertext, WrapContext context) {
        byte[] response = client.post(ref.keyId(), "decrypt", GcpJson.body("ciphertext", ciphertext, context.aad()));
        try {
            return GcpJson.binary(response, "plaintext");
        } finally {
            Arrays.fill(response, (byte) 0);
        }
    }

    @Override
    public void close() {
        client.close();
    }

    @Override
    public String toString() {
        return "GcpKmsKey[" + ref + "]";
    }
}
