package dev.krypton.rootkey.azure;

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
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * A Key Vault key. Wrap = {@code wrapkey}, unwrap = {@code unwrapkey} with RSA-OAEP-256 (vault RSA
 * keys) or A256KW (Managed HSM AES keys). Neither takes associated data, so the tenant is bound
 * inside the wrapped payload: {@code payload = SHA-256("krypton/azure/v1" || context.aad())[0..16] || L2};
 * unwrap compares that prefix in constant time and refuses another tenant's blob as DENIED (both
 * algorithms are authenticated, so the prefix cannot be changed without the vault key). The blob
 * records the key version from the returned {@code kid}; unwrap addresses that version.
 *
 * <p>Heap crossing: the payload travels as base64url JSON through arrays zeroed at once.
 */
final class AzureKeyVaultKey implements RootKey {

    private static final int BINDING = 16;

    private final RootKeyRef ref;
    private final SecureMemory memory;
    private final AzureConfig config;
    private final AzureClient client;

    AzureKeyVaultKey(RootKeyRef ref, AzureConfig config, SecureMemory memory) {
        this.ref = ref;
        this.memory = memory;
        this.config = config;
        this.client = new AzureClient(config);
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
        byte[] response = HeapKeyBytes.lend(l2, plain -> wrapPayload(plain, context));
        String kid = AzureJson.text(response, "kid");
        String version = kid.substring(kid.lastIndexOf('/') + 1);
        return new RootKeyBlob(AzureKeyVaultProvider.NAME, ref.keyId(), version, config.algorithm(),
                AzureJson.binary(response, "value"));
    }

    @Override
    public KeyHandle unwrap(RootKeyBlob blob, WrapContext context) {
        if (!blob.provider().equals(AzureKeyVaultProvider.NAME) || !blob.keyId().equals(ref.keyId())
                || !blob.mechanism().equals(config.algorithm())) {
            throw RootKeyException.denied("azure-keyvault: blob was not made by key " + ref.keyId());
        }
        return HeapKeyBytes.adopt(memory, unwrapPayload(blob.keyVersion(), blob.ciphertext(), context));
    }

    @Override
    public void probe(WrapContext context) {
        byte[] response = wrapPayload(new byte[32], context);
        String kid = AzureJson.text(response, "kid");
        byte[] back = unwrapPayload(kid.substring(kid.lastIndexOf('/') + 1), AzureJson.binary(response, "value"), context);
        if (!MessageDigest.isEqual(new byte[32], back)) {
            throw RootKeyException.denied("azure-keyvault probe " + ref.keyId() + ": round trip returned other bytes");
        }
    }

    private byte[] wrapPayload(byte[] plain, WrapContext context) {
        byte[] payload = ByteBuffer.allocate(BINDING + plain.length).put(binding(context)).put(plain).array();
        byte[] body = AzureJson.keyOperation(config.algorithm(), payload);
        Arrays.fill(payload, (byte) 0);
        try {
            return client.post("azure-keyvault wrapkey " + ref.keyId(),
                    config.operation(ref.keyId(), ref.keyVersion(), "wrapkey"), body);
        } finally {
            Arrays.fill(body, (byte) 0);
        }
    }

    /** The L2 bytes (caller zeroes or adopts them) after checking the tenant binding. */
    private byte[] unwrapPayload(String version, byte[] wrapped, WrapContext context) {
        String what = "azure-keyvault unwrapkey " + ref.keyId();
        byte[] response = client.post(what, config.operation(ref.keyId(), version, "unwrapkey"),
                AzureJson.keyOperation(config.algorithm(), wrapped));
        byte[] payload = AzureJson.binary(response, "value");
        Arrays.fill(response, (byte) 0);
        try {
            if (payload.length <= BINDING
                    || !MessageDigest.isEqual(binding(context), Arrays.copyOf(payload, BINDING))) {
                throw RootKeyException.denied(what + ": blob is bound to another tenant or region");
            }
            return Arrays.copyOfRange(payload, BINDING, payload.length);
        } finally {
            Arrays.fill(payload, (byte) 0);
        }
    }

    private static byte[] binding(WrapContext context) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("krypton/azure/v1".getBytes(StandardCharsets.US_ASCII));
            return Arrays.copyOf(sha.digest(context.aad()), BINDING);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }

    @Override
    public void close() {
        client.close();
    }

    @Override
    public String toString() {
        return "AzureKeyVaultKey[" + ref + "]";
    }
}
