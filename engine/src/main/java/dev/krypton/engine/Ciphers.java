package dev.krypton.engine;

import dev.krypton.crypto.AesMode;
import java.util.Set;

/**
 * The hot path (docs/design.md section 3, L4 wrap and unwrap): encrypt and decrypt with an L3
 * version. One map read and one volatile read decide whether the tenant is ACTIVE; the key is
 * used through its loan, so a concurrent unlink either waits for this call or makes it fail.
 * No storage I/O except the GCM budget reservation once per block.
 */
final class Ciphers {

    private static final int GCM_IV = 12;
    private static final int GCM_TAG = 16;
    private static final int MIN_GCM_TAG = 12;
    private static final int MAX_GCM_IV = 128;
    private static final int BLOCK = 16;
    private static final Set<String> AES_KEYS = Set.of("AES");
    private static final String TDES = "3DES";
    /** ECB and CBC also take three-key Triple DES keys (8-byte blocks and IV). */
    private static final Set<String> BLOCK_MODE_KEYS = Set.of("AES", TDES);
    private static final int TDES_BLOCK = 8;
    private static final Set<String> CHACHA_KEYS = Set.of("ChaCha20Poly1305", "ChaCha20");

    private final Registry registry;
    private final KekVersions versions;
    private final Hierarchy hierarchy;
    private final Keys keys;

    Ciphers(Registry registry, KekVersions versions, Hierarchy hierarchy, Keys keys) {
        this.registry = registry;
        this.versions = versions;
        this.hierarchy = hierarchy;
        this.keys = keys;
    }

    byte[] random(int n) {
        return keys.random(n);
    }

    EncryptResult encrypt(ObjectRef.Kek ref, EncryptRequest req) {
        TenantRuntime rt = registry.active(ref.tenant());
        LiveKek k = guard(rt, () -> hierarchy.find(rt, ref));
        if (!k.state().canProtect()) {
            throw EngineException.illegalState("KEK version " + ref.uid() + " is " + k.state() + " (decrypt only)");
        }
        return guard(rt, () -> switch (req.mode()) {
            case GCM -> {
                byte[] iv = req.iv().length == 0 ? keys.random(GCM_IV) : req.iv();
                if (iv.length != GCM_IV || req.tagLength() != GCM_TAG) {
                    throw EngineException.invalid("an L3 version's GCM takes a 12-byte IV (or none for a server-generated one) and a 16-byte tag");
                }
                if (!k.budget.take((size, limit) -> versions.reserve(k, size, limit))) {
                    String next = versions.rotateExhausted(ref);
                    throw EngineException.illegalState("KEK version " + ref.uid()
                            + " reached its GCM invocation limit and was rotated; use " + next);
                }
                Keys.Sealed s = keys.gcmEncrypt(k.key, iv, req.aad(), req.data());
                yield new EncryptResult(ref.uid(), s.ciphertext(), iv, s.tag());
            }
            case KEY_WRAP -> {
                noAeadFields(req.iv(), req.aad(), new byte[0]);
                yield new EncryptResult(ref.uid(), keys.keyWrap(k.key, req.data(), false), new byte[0], new byte[0]);
            }
            case KEY_WRAP_PAD -> {
                noAeadFields(req.iv(), req.aad(), new byte[0]);
                yield new EncryptResult(ref.uid(), keys.keyWrap(k.key, req.data(), true), new byte[0], new byte[0]);
            }
            default -> throw kekMode(req.mode());
        });
    }

    byte[] decrypt(ObjectRef.Kek ref, DecryptRequest req) {
        TenantRuntime rt = registry.active(ref.tenant());
        LiveKek k = guard(rt, () -> hierarchy.find(rt, ref));
        if (!k.state().canProcess()) {
            throw EngineException.illegalState("KEK version " + ref.uid() + " is " + k.state());
        }
        return guard(rt, () -> switch (req.mode()) {
            case GCM -> {
                if (req.iv().length != GCM_IV || req.tag().length != GCM_TAG) {
                    throw EngineException.invalid("GCM decrypt needs a 12-byte IV and a 16-byte tag");
                }
                yield keys.gcmDecrypt(k.key, req.iv(), req.aad(), req.ciphertext(), req.tag());
            }
            case KEY_WRAP -> {
                noAeadFields(req.iv(), req.aad(), req.tag());
                yield keys.keyUnwrap(k.key, req.ciphertext(), false);
            }
            case KEY_WRAP_PAD -> {
                noAeadFields(req.iv(), req.aad(), req.tag());
                yield keys.keyUnwrap(k.key, req.ciphertext(), true);
            }
            default -> throw kekMode(req.mode());
        });
    }

    /**
     * Encrypt with a tenant key: unwrapped from storage for this call only, counted per GCM use.
     * Any mode of {@link CipherMode}; GCM IVs of 1 to 128 bytes, GCM and Poly1305 tags of 12 to 16
     * bytes (shorter Poly1305 tags are the full tag's prefix).
     */
    EncryptResult encryptWithTenantKey(ObjectRef.Tenant ref, EncryptRequest req, TenantObjects objects, long gcmLimit) {
        TenantRuntime rt = registry.active(ref.tenant());
        return guard(rt, () -> objects.withKey(ref, algorithm(req.mode()),
                a -> a.state().canProtect() && a.usage().contains(KeyUsage.ENCRYPT),
                (algorithm, key) -> switch (req.mode()) {
                    case GCM -> {
                        byte[] iv = req.iv().length == 0 ? keys.random(GCM_IV) : req.iv();
                        if (iv.length > MAX_GCM_IV) {
                            throw EngineException.invalid("GCM IV must be 1 to " + MAX_GCM_IV + " bytes");
                        }
                        tagLength(req.tagLength());
                        objects.countGcm(ref, gcmLimit);
                        Keys.Sealed s = keys.gcmEncrypt(key, iv, req.aad(), req.data(), req.tagLength());
                        yield new EncryptResult(ref.uid(), s.ciphertext(), iv, s.tag());
                    }
                    case CHACHA20_POLY1305 -> {
                        byte[] nonce = req.iv().length == 0 ? keys.random(GCM_IV) : req.iv();
                        if (nonce.length != GCM_IV) {
                            throw EngineException.invalid("ChaCha20-Poly1305 nonce must be 12 bytes");
                        }
                        tagLength(req.tagLength());
                        Keys.Sealed s = keys.chaChaEncrypt(key, nonce, req.aad(), req.data());
                        yield new EncryptResult(ref.uid(), s.ciphertext(), nonce, java.util.Arrays.copyOf(s.tag(), req.tagLength()));
                    }
                    case CHACHA20 -> {
                        noAad(req.aad());
                        byte[] nonce = req.iv().length == 0 && req.randomIv() ? keys.random(GCM_IV) : req.iv();
                        yield new EncryptResult(ref.uid(), keys.chaCha20(key, chaChaBlock(nonce), req.data()), nonce, new byte[0]);
                    }
                    case KEY_WRAP, KEY_WRAP_PAD -> {
                        noAeadFields(req.iv(), req.aad(), new byte[0]);
                        yield new EncryptResult(ref.uid(), keys.keyWrap(key, req.data(), req.mode() == CipherMode.KEY_WRAP_PAD),
                                new byte[0], new byte[0]);
                    }
                    case ECB, ECB_PKCS5, CBC, CBC_PKCS5, CTR -> {
                        noAad(req.aad());
                        boolean tdes = TDES.equals(algorithm);
                        byte[] iv = req.iv().length == 0 && req.randomIv() && req.mode().needsIv()
                                ? keys.random(tdes ? TDES_BLOCK : BLOCK) : req.iv();
                        byte[] ct = tdes ? keys.tdesEncrypt(key, tdesMode(req.mode(), iv), req.data())
                                : keys.aesEncrypt(key, aesMode(req.mode(), iv), req.data());
                        yield new EncryptResult(ref.uid(), ct, iv, new byte[0]);
                    }
                }));
    }

    /** A later part of a multi-part GCM Encrypt with an L3 version (see {@link KeyOperations#encryptGcmPart}). */
    byte[] gcmPart(ObjectRef.Kek ref, EncryptRequest req, int offset) {
        TenantRuntime rt = registry.active(ref.tenant());
        LiveKek k = guard(rt, () -> hierarchy.find(rt, ref));
        if (!k.state().canProtect()) {
            throw EngineException.illegalState("KEK version " + ref.uid() + " is " + k.state() + " (decrypt only)");
        }
        return guard(rt, () -> gcmKeyStream(k.key, req, offset));
    }

    /** A later part of a multi-part GCM Encrypt with a tenant key, unwrapped for this call only. */
    byte[] gcmPartWithTenantKey(ObjectRef.Tenant ref, EncryptRequest req, int offset, TenantObjects objects) {
        TenantRuntime rt = registry.active(ref.tenant());
        return guard(rt, () -> objects.withKey(ref, AES_KEYS,
                a -> a.state().canProtect() && a.usage().contains(KeyUsage.ENCRYPT), key -> gcmKeyStream(key, req, offset)));
    }

    /**
     * GCM's encryption of {@code req.data()} at {@code offset} (NIST SP 800-38D section 7.1):
     * plaintext block i is XORed with E(K, inc32^(i+1)(J0)), which AES-CTR computes from that
     * counter block as long as the low 32 bits do not wrap (GCM's inc32 wraps them alone, CTR would
     * carry; a wrap splits the part in two). With a 12-byte IV, J0 is IV || 1. With another length
     * J0 depends on the hash subkey, so it is recovered here, inside the call, from the key stream
     * of the first block (a one-block GCM encryption of zeros, decrypted with AES-ECB) and wiped
     * with it. A part that starts inside a block is preceded by as many zero bytes, whose output
     * is dropped.
     */
    private byte[] gcmKeyStream(dev.krypton.crypto.KeyHandle key, EncryptRequest req, int offset) {
        if (req.mode() != CipherMode.GCM || req.iv().length == 0 || req.iv().length > MAX_GCM_IV || offset < 0) {
            throw EngineException.invalid("a later part of a multi-part GCM Encrypt needs the IV of its first part and an offset");
        }
        byte[] first = req.iv().length == GCM_IV
                ? java.nio.ByteBuffer.allocate(BLOCK).put(req.iv()).putInt(2).array()
                : keys.aesDecrypt(key, new AesMode.Ecb(AesMode.Padding.NONE),
                        keys.gcmEncrypt(key, req.iv(), new byte[0], new byte[BLOCK]).ciphertext());
        int skip = offset % BLOCK;
        byte[] in = new byte[skip + req.data().length];
        System.arraycopy(req.data(), 0, in, skip, req.data().length);
        byte[] out = new byte[in.length];
        try {
            java.nio.ByteBuffer counter = java.nio.ByteBuffer.wrap(first);
            long low = Integer.toUnsignedLong(counter.getInt(12)) + offset / BLOCK;
            int done = 0;
            while (done < in.length) {
                long blocksToWrap = (1L << 32) - (low & 0xffffffffL);
                int n = (int) Math.min(in.length - done, blocksToWrap * BLOCK);
                counter.putInt(12, (int) low);
                byte[] segment = java.util.Arrays.copyOfRange(in, done, done + n);
                byte[] enc = keys.aesEncrypt(key, new AesMode.Ctr(first), segment);
                System.arraycopy(enc, 0, out, done, n);
                java.util.Arrays.fill(segment, (byte) 0);
                done += n;
                low += (n + BLOCK - 1) / BLOCK;
            }
            return java.util.Arrays.copyOfRange(out, skip, out.length);
        } finally {
            java.util.Arrays.fill(in, (byte) 0);
            java.util.Arrays.fill(out, (byte) 0);
            java.util.Arrays.fill(first, (byte) 0);
        }
    }

    /** Decrypt with a tenant key, in any mode of {@link CipherMode}. */
    byte[] decryptWithTenantKey(ObjectRef.Tenant ref, DecryptRequest req, TenantObjects objects) {
        TenantRuntime rt = registry.active(ref.tenant());
        return guard(rt, () -> objects.withKey(ref, algorithm(req.mode()),
                a -> a.state().canProcess() && a.usage().contains(KeyUsage.DECRYPT),
                (algorithm, key) -> switch (req.mode()) {
                    case GCM -> {
                        if (req.iv().length == 0 || req.iv().length > MAX_GCM_IV) {
                            throw EngineException.invalid("GCM decrypt needs an IV of 1 to " + MAX_GCM_IV + " bytes");
                        }
                        tagLength(req.tag().length);
                        yield keys.gcmDecrypt(key, req.iv(), req.aad(), req.ciphertext(), req.tag());
                    }
                    case CHACHA20_POLY1305 -> {
                        if (req.iv().length != GCM_IV) {
                            throw EngineException.invalid("ChaCha20-Poly1305 decrypt needs a 12-byte nonce");
                        }
                        tagLength(req.tag().length);
                        yield keys.chaChaDecrypt(key, req.iv(), req.aad(), req.ciphertext(), req.tag());
                    }
                    case CHACHA20 -> {
                        noAad(req.aad());
                        if (req.tag().length != 0) {
                            throw EngineException.invalid("ChaCha20 takes no authentication tag");
                        }
                        yield keys.chaCha20(key, chaChaBlock(req.iv()), req.ciphertext());
                    }
                    case KEY_WRAP, KEY_WRAP_PAD -> {
                        noAeadFields(req.iv(), req.aad(), req.tag());
                        yield keys.keyUnwrap(key, req.ciphertext(), req.mode() == CipherMode.KEY_WRAP_PAD);
                    }
                    case ECB, ECB_PKCS5, CBC, CBC_PKCS5, CTR -> {
                        noAad(req.aad());
                        if (req.tag().length != 0) {
                            throw EngineException.invalid(req.mode() + " takes no authentication tag");
                        }
                        yield TDES.equals(algorithm) ? keys.tdesDecrypt(key, tdesMode(req.mode(), req.iv()), req.ciphertext())
                                : keys.aesDecrypt(key, aesMode(req.mode(), req.iv()), req.ciphertext());
                    }
                }));
    }

    /** The key algorithms (as stored, KMIP spelling) a mode takes. */
    private static Set<String> algorithm(CipherMode mode) {
        return switch (mode) {
            case CHACHA20_POLY1305, CHACHA20 -> CHACHA_KEYS;
            case ECB, ECB_PKCS5, CBC, CBC_PKCS5 -> BLOCK_MODE_KEYS;
            default -> AES_KEYS;
        };
    }

    private static void tagLength(int bytes) {
        if (bytes < MIN_GCM_TAG || bytes > GCM_TAG) {
            throw EngineException.invalid("tag length must be " + MIN_GCM_TAG + " to " + GCM_TAG + " bytes");
        }
    }

    /**
     * The ChaCha20 state words 12 to 15 from a KMIP IV/Counter/Nonce: 8 bytes are the original
     * 64-bit nonce (64-bit block counter 0), 12 bytes the RFC 8439 nonce (32-bit counter 0), 16 bytes
     * the counter and nonce as given.
     */
    private static byte[] chaChaBlock(byte[] nonce) {
        return switch (nonce.length) {
            case 8 -> java.nio.ByteBuffer.allocate(16).put(new byte[8]).put(nonce).array();
            case 12 -> java.nio.ByteBuffer.allocate(16).put(new byte[4]).put(nonce).array();
            case 16 -> nonce;
            default -> throw EngineException.invalid("ChaCha20 needs an 8, 12 or 16-byte IV/Counter/Nonce");
        };
    }

    /** The crypto module's mode; the IV / counter block must be 16 bytes where the mode takes one, else absent. */
    private static AesMode aesMode(CipherMode mode, byte[] iv) {
        return blockMode(mode, iv, BLOCK, mode + " needs a 16-byte IV/counter block (or Random IV on encrypt)", true);
    }

    /** The crypto module's mode for a Triple DES key: ECB or CBC, the CBC IV 8 bytes. */
    private static AesMode tdesMode(CipherMode mode, byte[] iv) {
        return blockMode(mode, iv, TDES_BLOCK, mode + " with a 3DES key needs an 8-byte IV (or Random IV on encrypt)", false);
    }

    /**
     * ECB or CBC (and CTR when {@code counterMode} allows it) of a block cipher whose IV is one
     * {@code block} where the mode takes one, else absent.
     */
    private static AesMode blockMode(CipherMode mode, byte[] iv, int block, String badIv, boolean counterMode) {
        if (mode.needsIv() && iv.length != block) {
            throw EngineException.invalid(badIv);
        }
        if (!mode.needsIv() && iv.length != 0) {
            throw EngineException.invalid(mode + " takes no IV");
        }
        return switch (mode) {
            case ECB -> new AesMode.Ecb(AesMode.Padding.NONE);
            case ECB_PKCS5 -> new AesMode.Ecb(AesMode.Padding.PKCS5);
            case CBC -> new AesMode.Cbc(iv, AesMode.Padding.NONE);
            case CBC_PKCS5 -> new AesMode.Cbc(iv, AesMode.Padding.PKCS5);
            case CTR -> {
                if (!counterMode) {
                    throw EngineException.invalid(mode + " is not a 3DES mode (ECB or CBC)");
                }
                yield new AesMode.Ctr(iv);
            }
            default -> throw counterMode ? new IllegalArgumentException(mode.name())
                    : EngineException.invalid(mode + " is not a 3DES mode (ECB or CBC)");
        };
    }

    private static void noAad(byte[] aad) {
        if (aad.length != 0) {
            throw EngineException.invalid("only GCM and ChaCha20-Poly1305 take additional authenticated data");
        }
    }

    private static EngineException kekMode(CipherMode mode) {
        return EngineException.invalid("L3 KEK versions use GCM, AES key wrap or AES key wrap with padding, not " + mode);
    }

    private static void noAeadFields(byte[] iv, byte[] aad, byte[] tag) {
        if (iv.length != 0 || aad.length != 0 || tag.length != 0) {
            throw EngineException.invalid("AES key wrap takes no IV, AAD or tag");
        }
    }

    /**
     * Runs a crypto call; if it failed because the tenant was zeroized meanwhile (the key's loan
     * refused), the caller learns PERMISSION_DENIED rather than a cryptographic failure.
     */
    private static <T> T guard(TenantRuntime rt, java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (EngineException e) {
            if (!rt.active()) {
                throw EngineException.denied("tenant " + rt.tenant + " is not ACTIVE");
            }
            throw e;
        }
    }
}
