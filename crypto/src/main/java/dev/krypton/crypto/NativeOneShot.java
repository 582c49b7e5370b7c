package dev.krypton.crypto;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;

/**
 * The less frequent native operations (AES-ECB/CBC/CTR, Triple DES ECB/CBC, ChaCha20, ChaCha20-Poly1305), each on a
 * fresh OpenSSL context keyed from secure memory and freed (cleansed) before the call returns, like
 * those of {@link NativeEngine}.
 */
final class NativeOneShot {
    private NativeOneShot() {
    }

    static byte[] aes(KeyHandle key, AesMode mode, int enc, byte[] input) {
        return block(key, "AES-" + key.length() * 8 + "-", mode, enc, input);
    }

    /** Three-key Triple DES, which OpenSSL 3's default provider keeps (single DES is legacy only). */
    static byte[] tdes(KeyHandle key, AesMode mode, int enc, byte[] input) {
        return block(key, "DES-EDE3-", mode, enc, input);
    }

    private static byte[] block(KeyHandle key, String prefix, AesMode mode, int enc, byte[] input) {
        record Setup(String cipher, byte[] iv, boolean padding) {
        }
        Setup setup = switch (mode) {
            case AesMode.Ecb(AesMode.Padding p) -> new Setup(prefix + "ECB", new byte[0], p == AesMode.Padding.PKCS5);
            case AesMode.Cbc(byte[] iv, AesMode.Padding p) -> new Setup(prefix + "CBC", iv, p == AesMode.Padding.PKCS5);
            case AesMode.Ctr(byte[] counter) -> new Setup(prefix + "CTR", counter, false);
        };
        byte[] out = new byte[input.length + 16];
        int n = withContext(key, setup.cipher(), setup.iv(), enc, ctx -> {
            Evp.padding(ctx, setup.padding());
            MemorySegment o = MemorySegment.ofArray(out);
            int first = input.length == 0 ? 0 : Evp.update(ctx, o, MemorySegment.ofArray(input));
            int last = first < 0 ? -1 : Evp.finish(ctx, o.asSlice(first));
            return last < 0 ? -1 : first + last;
        });
        return trimmed(out, n, "block cipher operation failed");
    }

    static byte[] chaCha(KeyHandle key, int enc, byte[] nonce, byte[] aad, byte[] input) {
        int bodyLength = enc == 1 ? input.length : input.length - 16;
        byte[] out = new byte[enc == 1 ? input.length + 16 : bodyLength];
        MemorySegment in = MemorySegment.ofArray(input);
        int n = withContext(key, "ChaCha20-Poly1305", nonce, enc, ctx -> {
            MemorySegment o = MemorySegment.ofArray(out);
            boolean ok = (aad.length == 0 || Evp.update(ctx, MemorySegment.NULL, MemorySegment.ofArray(aad)) >= 0)
                    && (bodyLength == 0 || Evp.update(ctx, o, in.asSlice(0, bodyLength)) == bodyLength);
            if (ok && enc == 0) {
                ok = Evp.ctrl(ctx, OpenSsl.CTRL_AEAD_SET_TAG, 16, in.asSlice(bodyLength))
                        && Evp.finish(ctx, o.asSlice(bodyLength)) == 0;
            } else if (ok) {
                ok = Evp.finish(ctx, o.asSlice(bodyLength)) == 0
                        && Evp.ctrl(ctx, OpenSsl.CTRL_AEAD_GET_TAG, 16, o.asSlice(bodyLength, 16));
            }
            return ok ? out.length : -1;
        });
        return trimmed(out, n, enc == 1 ? "ChaCha20-Poly1305 encryption failed" : "authentication failed");
    }

    static byte[] chaCha20(KeyHandle key, byte[] counterAndNonce, byte[] input) {
        byte[] out = new byte[input.length];
        int n = withContext(key, "ChaCha20", counterAndNonce, 1, ctx -> {
            MemorySegment o = MemorySegment.ofArray(out);
            int first = input.length == 0 ? 0 : Evp.update(ctx, o, MemorySegment.ofArray(input));
            int last = first < 0 ? -1 : Evp.finish(ctx, o.asSlice(first));
            return last < 0 ? -1 : first + last;
        });
        return trimmed(out, n, "ChaCha20 operation failed");
    }

    private static int withContext(KeyHandle key, String cipherName, byte[] iv, int enc, Evp.KeyedUse<Integer> use) {
        MemorySegment cipher = OpenSsl.cipher(cipherName);
        MemorySegment ivSegment = iv.length == 0 ? MemorySegment.NULL : MemorySegment.ofArray(iv);
        return ((SlabKeyHandle) key).lend(k -> Evp.withKeyedContext(cipher, k, ivSegment, enc, use));
    }

    private static byte[] trimmed(byte[] out, int n, String failure) {
        if (n < 0) {
            Arrays.fill(out, (byte) 0);
            Evp.clearErrors();
            throw new CryptoException(failure);
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }
}
