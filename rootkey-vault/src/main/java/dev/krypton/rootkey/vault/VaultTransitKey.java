package dev.krypton.rootkey.vault;

import dev.krypton.crypto.KeyHandle;
import dev.krypton.crypto.SecureMemory;
import dev.krypton.rootkey.HeapKeyBytes;
import dev.krypton.rootkey.RootKey;
import dev.krypton.rootkey.RootKeyBlob;
import dev.krypton.rootkey.RootKeyException;
import dev.krypton.rootkey.RootKeyRef;
import dev.krypton.rootkey.WrapContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A transit key. Wrap = {@code POST /v1/<mount>/encrypt/<key>}, unwrap = {@code .../decrypt/<key>},
 * both with {@code context} = the tenant's {@link WrapContext#aad()}. The blob keeps the transit
 * ciphertext ({@code vault:vN:...}) and its version N; a blob whose prefix disagrees with its
 * recorded version is DENIED before any call. Probe = encrypt and decrypt of 32 zero bytes.
 *
 * <p>Heap crossing: transit takes and returns plaintext as base64 in JSON, so the L2 passes through
 * heap arrays; each one is zeroed at once ({@link HeapKeyBytes}).
 */
final class VaultTransitKey implements RootKey {

    static final String MECHANISM = "transit";
    private static final Pattern CIPHERTEXT = Pattern.compile("vault:v([1-9][0-9]{0,8}):[A-Za-z0-9+/=]+");

    private final RootKeyRef ref;
    private final SecureMemory memory;
    private final TransitClient client;

    VaultTransitKey(RootKeyRef ref, VaultConfig config, SecureMemory memory) {
        this.ref = ref;
        this.memory = memory;
        this.client = new TransitClient(config);
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
        String ciphertext = HeapKeyBytes.lend(l2, plain -> encrypt(plain, context));
        Matcher m = CIPHERTEXT.matcher(ciphertext);
        if (!m.matches()) {
            throw RootKeyException.unavailable("vault-transit encrypt " + ref.keyId() + ": unexpected ciphertext format");
        }
        return new RootKeyBlob(VaultTransitProvider.NAME, ref.keyId(), m.group(1), MECHANISM,
                ciphertext.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public KeyHandle unwrap(RootKeyBlob blob, WrapContext context) {
        if (!blob.provider().equals(VaultTransitProvider.NAME) || !blob.keyId().equals(ref.keyId())
                || !blob.mechanism().equals(MECHANISM)) {
            throw RootKeyException.denied("vault-transit: blob was not made by transit key " + ref.keyId());
        }
        String ciphertext = new String(blob.ciphertext(), StandardCharsets.US_ASCII);
        Matcher m = CIPHERTEXT.matcher(ciphertext);
        if (!m.matches() || !m.group(1).equals(blob.keyVersion())) {
            throw RootKeyException.denied("vault-transit: blob ciphertext does not match its recorded key version");
        }
        byte[] plain = decrypt(ciphertext, context);
        if (plain.length == 0) {
            throw RootKeyException.denied("vault-transit decrypt " + ref.keyId() + ": empty plaintext");
        }
        return HeapKeyBytes.adopt(memory, plain);
    }

    @Override
    public void probe(WrapContext context) {
        byte[] zeros = new byte[32];
        byte[] back = decrypt(encrypt(zeros, context), context);
        if (!MessageDigest.isEqual(zeros, back)) {
            throw RootKeyException.denied("vault-transit probe " + ref.keyId() + ": round trip returned other bytes");
        }
    }

    private String encrypt(byte[] plain, WrapContext context) {
        byte[] body = TransitJson.encryptBody(plain, context.aad(), ref.keyVersion());
        try {
            return TransitJson.dataText(client.post("encrypt", ref.keyId(), body), "ciphertext");
        } finally {
            Arrays.fill(body, (byte) 0);
        }
    }

    private byte[] decrypt(String ciphertext, WrapContext context) {
        byte[] response = client.post("decrypt", ref.keyId(), TransitJson.decryptBody(ciphertext, context.aad()));
        try {
            return TransitJson.dataBinary(response, "plaintext");
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
        return "VaultTransitKey[" + ref + "]";
    }
}
