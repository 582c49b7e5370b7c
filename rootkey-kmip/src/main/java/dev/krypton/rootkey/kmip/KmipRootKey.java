package dev.krypton.rootkey.kmip;

import dev.krypton.crypto.KeyHandle;
import dev.krypton.crypto.SecureMemory;
import dev.krypton.kmip.ResultReason;
import dev.krypton.kmip.State;
import dev.krypton.kmip.message.Bytes;
import dev.krypton.kmip.message.ResponseBatchItem;
import dev.krypton.kmip.payload.Encrypt;
import dev.krypton.rootkey.HeapKeyBytes;
import dev.krypton.rootkey.RootKey;
import dev.krypton.rootkey.RootKeyBlob;
import dev.krypton.rootkey.RootKeyException;
import dev.krypton.rootkey.RootKeyRef;
import dev.krypton.rootkey.WrapContext;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * A KMIP-held AES key. Wrap = Encrypt of the L2, unwrap = Decrypt (KMIP 1.4 sections 4.29, 4.30),
 * in the configured {@link WrapMode}; GCM blobs carry IV and tag ({@link GcmCiphertext}) and are
 * bound to the tenant through the AEAD additional data. The blob's mechanism decides how it is
 * unwrapped, so blobs made before a mode change still unwrap. Probe = Get Attributes (State must be
 * Active) and an Encrypt of a 32-byte zero block.
 *
 * <p>A Decrypt answered with General Failure is ambiguous: PyKMIP reports a GCM tag that does not
 * verify that way, yet the same reason also means "server trouble". The key then encrypts and
 * decrypts a test block under the same context; if that round trip works, the server and key are
 * fine and the blob itself does not verify (tampered, another tenant's or another key's), which is
 * DENIED; if the round trip fails, its own classification is thrown.
 *
 * <p>Heap crossing: KMIP carries key bytes as Byte Strings, so the L2 passes through heap arrays.
 * The array lent to Encrypt and the Decrypt result are zeroed at once ({@link HeapKeyBytes}); the
 * KMIP client's encoded request and response frames are not ours to zero and die with the GC.
 */
final class KmipRootKey implements RootKey {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int CLIENT_IV = 12;
    private static final int TEST_BLOCK = 32;

    private final RootKeyRef ref;
    private final KmipConfig config;
    private final KmipKeyCalls calls;
    private final SecureMemory memory;

    KmipRootKey(RootKeyRef ref, KmipConfig config, KmipKeyCalls calls, SecureMemory memory) {
        this.ref = ref;
        this.config = config;
        this.calls = calls;
        this.memory = memory;
    }

    @Override
    public RootKeyRef ref() {
        return ref;
    }

    @Override
    public boolean bindsContext() {
        return config.mode() == WrapMode.GCM;
    }

    @Override
    public RootKeyBlob wrap(KeyHandle l2, WrapContext context) {
        byte[] field = HeapKeyBytes.lend(l2, plain -> seal(plain, context));
        return new RootKeyBlob(KmipRootKeyProvider.NAME, ref.keyId(), "", config.mode().mechanism(), field);
    }

    @Override
    public KeyHandle unwrap(RootKeyBlob blob, WrapContext context) {
        if (!blob.provider().equals(KmipRootKeyProvider.NAME) || !blob.keyId().equals(ref.keyId())
                || !blob.keyVersion().isEmpty()) {
            throw RootKeyException.denied("kmip: blob was not made by KMIP key " + ref.keyId());
        }
        WrapMode mode = modeOf(blob.mechanism());
        ResponseBatchItem item = decrypt(mode, blob.ciphertext(), context);
        if (!item.isSuccess() && item.resultReason().equals(Optional.of(ResultReason.GENERAL_FAILURE))) {
            roundTrip(mode, context);
            throw RootKeyException.denied(calls.what("decrypt") + ": General Failure while the key round-trips a test block,"
                    + " so the blob does not verify (tampered, or made for another tenant or key)");
        }
        byte[] plain = calls.plaintext(item).unsafeArray();
        if (plain.length == 0) {
            throw RootKeyException.denied(calls.what("decrypt") + ": empty plaintext");
        }
        return HeapKeyBytes.adopt(memory, plain);
    }

    @Override
    public void probe(WrapContext context) {
        State state = calls.state();
        if (state != State.ACTIVE) {
            throw RootKeyException.denied(calls.what("probe") + ": key state is " + state.specName() + ", not Active");
        }
        seal(new byte[TEST_BLOCK], context);
    }

    /** Encrypts {@code plain} in the configured mode; returns the blob's ciphertext field. */
    private byte[] seal(byte[] plain, WrapContext context) {
        return seal(config.mode(), plain, context);
    }

    private byte[] seal(WrapMode mode, byte[] plain, WrapContext context) {
        return switch (mode) {
            case GCM -> {
                Optional<Bytes> iv = config.serverIv() ? Optional.empty() : Optional.of(Bytes.wrap(randomIv()));
                Encrypt.Response r = calls.encrypt(mode, plain, iv, Optional.of(Bytes.wrap(context.aad())));
                Bytes usedIv = iv.or(r::ivCounterNonce).orElseThrow(() -> answer("encrypt", "no IV"));
                yield new GcmCiphertext(usedIv, r.tag().orElseThrow(() -> answer("encrypt", "no tag")),
                        r.data().orElseThrow(() -> answer("encrypt", "no Data"))).encode();
            }
            case KWP -> calls.encrypt(mode, plain, Optional.empty(), Optional.empty()).data()
                    .orElseThrow(() -> answer("encrypt", "no Data")).toByteArray();
        };
    }

    /** Encrypts and decrypts a zero block: returns when the key and server work for {@code context}. */
    private void roundTrip(WrapMode mode, WrapContext context) {
        byte[] zeros = new byte[TEST_BLOCK];
        byte[] field = seal(mode, zeros, context);
        if (!calls.plaintext(decrypt(mode, field, context)).equals(Bytes.wrap(zeros))) {
            throw RootKeyException.denied(calls.what("decrypt") + ": test block came back changed");
        }
    }

    /** Decrypt of a blob's ciphertext field; a malformed GCM field is DENIED before the server is asked. */
    private ResponseBatchItem decrypt(WrapMode mode, byte[] field, WrapContext context) {
        return switch (mode) {
            case GCM -> {
                GcmCiphertext c = GcmCiphertext.decode(field);
                yield calls.decrypt(mode, c.data(), Optional.of(c.iv()), Optional.of(Bytes.wrap(context.aad())), Optional.of(c.tag()));
            }
            case KWP -> calls.decrypt(mode, Bytes.of(field), Optional.empty(), Optional.empty(), Optional.empty());
        };
    }

    private static WrapMode modeOf(String mechanism) {
        for (WrapMode mode : WrapMode.values()) {
            if (mode.mechanism().equals(mechanism)) {
                return mode;
            }
        }
        throw RootKeyException.denied("kmip: blob mechanism " + mechanism + " is not AES-GCM or AES-KWP");
    }

    private static byte[] randomIv() {
        byte[] iv = new byte[CLIENT_IV];
        RANDOM.nextBytes(iv);
        return iv;
    }

    private RootKeyException answer(String operation, String missing) {
        return RootKeyException.unavailable(calls.what(operation) + ": success answer with " + missing);
    }

    @Override
    public void close() {
        calls.close();
    }

    @Override
    public String toString() {
        return "KmipRootKey[" + ref + ", mode=" + config.mode() + "]";
    }
}
