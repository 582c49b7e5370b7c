package dev.krypton.rootkey.aws;

import dev.krypton.crypto.KeyHandle;
import dev.krypton.crypto.SecureMemory;
import dev.krypton.rootkey.HeapKeyBytes;
import dev.krypton.rootkey.RootKey;
import dev.krypton.rootkey.RootKeyBlob;
import dev.krypton.rootkey.RootKeyException;
import dev.krypton.rootkey.RootKeyRef;
import dev.krypton.rootkey.WrapContext;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DecryptRequest;
import software.amazon.awssdk.services.kms.model.EncryptRequest;
import software.amazon.awssdk.services.kms.model.EncryptionAlgorithmSpec;

/**
 * An AWS KMS key. Wrap = {@code Encrypt}, unwrap = {@code Decrypt} with {@code KeyId} set (so a blob
 * of another key is IncorrectKeyException, not silently decrypted), both with EncryptionContext
 * {@code {"tenant": id, "region": region}} (region left out when empty). KMS ciphertexts carry the
 * key material version internally, so the blob's key version stays empty. Probe = Encrypt and
 * Decrypt of 32 zero bytes.
 *
 * <p>Heap crossing: the SDK takes the plaintext as a byte array and returns it in one; both are
 * zeroed at once ({@link HeapKeyBytes}; the SDK's own plaintext array, reached
 * through {@link SdkBytes#asByteArrayUnsafe()}, is the one moved into secure memory and zeroed). The SDK's JSON layer
 * also holds the base64 text of the plaintext in strings we cannot zero.
 */
final class AwsKmsKey implements RootKey {

    static final String MECHANISM = EncryptionAlgorithmSpec.SYMMETRIC_DEFAULT.toString();

    private final RootKeyRef ref;
    private final SecureMemory memory;
    private final KmsClient kms;

    AwsKmsKey(RootKeyRef ref, AwsKmsConfig config, SecureMemory memory) {
        this.ref = ref;
        this.memory = memory;
        this.kms = AwsKmsClients.build(config);
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
        byte[] blob = HeapKeyBytes.lend(l2, plain -> encrypt("wrap", plain, context));
        return new RootKeyBlob(AwsKmsProvider.NAME, ref.keyId(), "", MECHANISM, blob);
    }

    @Override
    public KeyHandle unwrap(RootKeyBlob blob, WrapContext context) {
        if (!blob.provider().equals(AwsKmsProvider.NAME) || !blob.keyId().equals(ref.keyId())
                || !blob.mechanism().equals(MECHANISM)) {
            throw RootKeyException.denied("aws-kms: blob was not made by key " + ref.keyId());
        }
        byte[] plain = decrypt("unwrap", blob.ciphertext(), context);
        if (plain.length == 0) {
            throw RootKeyException.denied("aws-kms unwrap " + ref.keyId() + ": empty plaintext");
        }
        return HeapKeyBytes.adopt(memory, plain);
    }

    @Override
    public void probe(WrapContext context) {
        byte[] zeros = new byte[32];
        byte[] back = decrypt("probe", encrypt("probe", zeros, context), context);
        if (!MessageDigest.isEqual(zeros, back)) {
            throw RootKeyException.denied("aws-kms probe " + ref.keyId() + ": round trip returned other bytes");
        }
    }

    private byte[] encrypt(String operation, byte[] plain, WrapContext context) {
        return call(operation, () -> kms.encrypt(EncryptRequest.builder()
                .keyId(ref.keyId())
                .plaintext(SdkBytes.fromByteArrayUnsafe(plain))
                .encryptionContext(encryptionContext(context))
                .encryptionAlgorithm(EncryptionAlgorithmSpec.SYMMETRIC_DEFAULT)
                .build()).ciphertextBlob().asByteArray());
    }

    private byte[] decrypt(String operation, byte[] ciphertext, WrapContext context) {
        return call(operation, () -> kms.decrypt(DecryptRequest.builder()
                .keyId(ref.keyId())
                .ciphertextBlob(SdkBytes.fromByteArray(ciphertext))
                .encryptionContext(encryptionContext(context))
                .encryptionAlgorithm(EncryptionAlgorithmSpec.SYMMETRIC_DEFAULT)
                .build()).plaintext().asByteArrayUnsafe());
    }

    private <T> T call(String operation, Supplier<T> call) {
        try {
            return call.get();
        } catch (SdkException e) {
            throw AwsKmsErrors.classify("aws-kms " + operation + " " + ref.keyId(), e);
        }
    }

    static Map<String, String> encryptionContext(WrapContext context) {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("tenant", context.tenantId());
        if (!context.region().isEmpty()) {
            map.put("region", context.region());
        }
        return map;
    }

    @Override
    public void close() {
        kms.close();
    }

    @Override
    public String toString() {
        return "AwsKmsKey[" + ref + "]";
    }
}
