package dev.krypton.engine;

/**
 * The hot path (DESIGN.md section 3, L4 wrap and unwrap): encrypt and decrypt with an L3
 * version. One map read and one volatile read decide whether the tenant is ACTIVE; the key is
 * used through its loan, so a concurrent unlink either waits for this call or makes it fail.
 * No storage I/O except the GCM budget reservation once per block.
 */
final class Ciphers {

    private static final int GCM_IV = 12;
    private static final int GCM_TAG = 16;

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

    EncryptResult encrypt(ObjectRef.Kek ref, EncryptRequest req) {
        TenantRuntime rt = registry.active(ref.tenant());
        LiveKek k = guard(rt, () -> hierarchy.find(rt, ref));
        if (!k.state().canProtect()) {
            throw EngineException.illegalState("KEK version " + ref.uid() + " is " + k.state() + " (decrypt only)");
        }
        return guard(rt, () -> switch (req.mode()) {
            case GCM -> {
                byte[] iv = req.iv().length == 0 ? keys.random(GCM_IV) : req.iv();
                if (iv.length != GCM_IV) {
                    throw EngineException.invalid("GCM IV must be 12 bytes (or absent for a server-generated one)");
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
        });
    }

    /** Encrypt with a tenant AES key: unwrapped from storage for this call only, counted per GCM use. */
    EncryptResult encryptWithTenantKey(ObjectRef.Tenant ref, EncryptRequest req, TenantObjects objects, long gcmLimit) {
        TenantRuntime rt = registry.active(ref.tenant());
        return guard(rt, () -> objects.withKey(ref, a -> a.state().canProtect() && a.usage().contains(KeyUsage.ENCRYPT),
                key -> switch (req.mode()) {
                    case GCM -> {
                        byte[] iv = req.iv().length == 0 ? keys.random(GCM_IV) : req.iv();
                        if (iv.length != GCM_IV) {
                            throw EngineException.invalid("GCM IV must be 12 bytes (or absent for a server-generated one)");
                        }
                        objects.countGcm(ref, gcmLimit);
                        Keys.Sealed s = keys.gcmEncrypt(key, iv, req.aad(), req.data());
                        yield new EncryptResult(ref.uid(), s.ciphertext(), iv, s.tag());
                    }
                    case KEY_WRAP, KEY_WRAP_PAD -> {
                        noAeadFields(req.iv(), req.aad(), new byte[0]);
                        yield new EncryptResult(ref.uid(), keys.keyWrap(key, req.data(), req.mode() == CipherMode.KEY_WRAP_PAD),
                                new byte[0], new byte[0]);
                    }
                }));
    }

    /** Decrypt with a tenant AES key. */
    byte[] decryptWithTenantKey(ObjectRef.Tenant ref, DecryptRequest req, TenantObjects objects) {
        TenantRuntime rt = registry.active(ref.tenant());
        return guard(rt, () -> objects.withKey(ref, a -> a.state().canProcess() && a.usage().contains(KeyUsage.DECRYPT),
                key -> switch (req.mode()) {
                    case GCM -> {
                        if (req.iv().length != GCM_IV || req.tag().length != GCM_TAG) {
                            throw EngineException.invalid("GCM decrypt needs a 12-byte IV and a 16-byte tag");
                        }
                        yield keys.gcmDecrypt(key, req.iv(), req.aad(), req.ciphertext(), req.tag());
                    }
                    case KEY_WRAP, KEY_WRAP_PAD -> {
                        noAeadFields(req.iv(), req.aad(), req.tag());
                        yield keys.keyUnwrap(key, req.ciphertext(), req.mode() == CipherMode.KEY_WRAP_PAD);
                    }
                }));
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
