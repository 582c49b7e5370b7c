package dev.krypton.kmip.server.operation;

import dev.krypton.engine.CipherMode;
import dev.krypton.engine.KeyOperations;
import dev.krypton.engine.ManagedObject;
import dev.krypton.engine.Operation;
import dev.krypton.kmip.BlockCipherMode;
import dev.krypton.kmip.CryptographicAlgorithm;
import dev.krypton.kmip.KmipException;
import dev.krypton.kmip.PaddingMethod;
import dev.krypton.kmip.ResultReason;
import dev.krypton.kmip.Ttlv;
import dev.krypton.kmip.attribute.AttributeDef;
import dev.krypton.kmip.attribute.CryptographicParameters;
import dev.krypton.kmip.message.Bytes;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The engine mode an Encrypt or Decrypt asks for (docs/design.md section 3). The request's Cryptographic
 * Parameters, or when it has none those the key was given (the first Cryptographic Parameters
 * attribute, KMIP 1.4 section 4.29), or GCM: GCM, NISTKeyWrap (RFC 3394), AESKeyWrapPadding
 * (RFC 5649) for any key; for tenant AES keys also ECB and CBC (no padding or PKCS5) and CTR; for
 * ChaCha20 and ChaCha20Poly1305 keys AEAD (ChaCha20-Poly1305) or, without a mode, the key's own
 * (bare ChaCha20 for a ChaCha20 key); for tenant 3DES keys ECB and CBC (no padding or PKCS5, an
 * 8-byte IV; the mode must be named, there is no default); other modes on an L3 KEK version are Feature Not Supported. Random IV asks the server for the IV. A GCM Tag Length outside 12 to 16
 * bytes is General Failure (as the OASIS CS-BC-M-GCM cases expect). Before a tenant key is used its
 * Protect Stop Date (for Encrypt) and Process Start Date (for Decrypt) are checked: outside them the
 * use is Wrong Key Lifecycle State (Permission Denied in KMIP 1.x, see {@code Failures}; KMIP 1.4
 * sections 3.25 and 3.26).
 */
final class CipherModes {

    static final int GCM_TAG_BYTES = 16;
    /** The engine's (and KMIP's) spelling of Triple DES. */
    private static final String TDES = "3DES";
    private static final int MIN_TAG = 12;
    /** The longest GCM IV OpenSSL 3 takes (128 bytes). */
    private static final int MAX_IV_BITS = 1024;

    /** The engine mode, whether the server is to choose the IV, the tag length, and the tenant key's attributes. */
    record Choice(CipherMode mode, boolean randomIv, int tagLength, Optional<ManagedObject> key) {
        Choice with(ManagedObject object) {
            return new Choice(mode, randomIv, tagLength, Optional.of(object));
        }
    }

    private CipherModes() {
    }

    /** For {@code operation} (ENCRYPT or DECRYPT) with {@code uid}: checks the key's dates and picks the mode. */
    static Choice choose(RequestContext context, String uid, Optional<CryptographicParameters> requested, Operation operation) {
        if (KeyOperations.isKekVersion(uid)) {
            Choice choice = of(requested);
            if (!choice.mode().forKeks()) {
                throw new KmipException(ResultReason.FEATURE_NOT_SUPPORTED,
                        "L3 KEK versions support GCM, NISTKeyWrap and AESKeyWrapPadding only");
            }
            return choice;
        }
        ManagedObject object = context.keys().attributesForUse(context.principal(), uid, operation);
        checkDates(object, context.clock().instant(), operation);
        return of(requested.or(() -> stored(object)), object.attributes().algorithm()).with(object);
    }

    static Choice of(Optional<CryptographicParameters> parameters) {
        return of(parameters, "AES");
    }

    /** The choice for a key of {@code keyAlgorithm} (KMIP spelling); ChaCha20 keys default to their stream or AEAD. */
    static Choice of(Optional<CryptographicParameters> parameters, String keyAlgorithm) {
        CryptographicParameters p = parameters.orElse(CryptographicParameters.read(
                new Ttlv.Structure(dev.krypton.kmip.Tag.CRYPTOGRAPHIC_PARAMETERS, List.of())));
        CryptographicAlgorithm algorithm = p.cryptographicAlgorithm().orElse(switch (keyAlgorithm) {
            case "ChaCha20" -> CryptographicAlgorithm.CHACHA20;
            case "ChaCha20Poly1305" -> CryptographicAlgorithm.CHACHA20POLY1305;
            case TDES -> CryptographicAlgorithm.DES_3;
            default -> CryptographicAlgorithm.AES;
        });
        CipherMode mode = switch (algorithm) {
            case AES -> aesMode(p);
            case DES_3 -> tdesMode(p);
            case CHACHA20 -> p.blockCipherMode().isEmpty() ? CipherMode.CHACHA20 : aead(p);
            case CHACHA20POLY1305 -> aead(p);
            default -> throw new KmipException(ResultReason.FEATURE_NOT_SUPPORTED,
                    "only AES, 3DES, ChaCha20 and ChaCha20Poly1305 are supported");
        };
        int tag = p.tagLength().orElse(GCM_TAG_BYTES);
        if ((mode == CipherMode.GCM || mode == CipherMode.CHACHA20_POLY1305) && (tag < MIN_TAG || tag > GCM_TAG_BYTES)) {
            throw new KmipException(ResultReason.GENERAL_FAILURE, "invalid tag length " + tag + " (12 to 16 bytes)");
        }
        return new Choice(mode, p.randomIv().orElse(false), tag, Optional.empty());
    }

    private static CipherMode aead(CryptographicParameters p) {
        BlockCipherMode requested = p.blockCipherMode().orElse(BlockCipherMode.AEAD);
        if (requested != BlockCipherMode.AEAD || p.paddingMethod().filter(m -> m != PaddingMethod.NONE).isPresent()) {
            throw new KmipException(ResultReason.FEATURE_NOT_SUPPORTED, "ChaCha20 keys take block cipher mode AEAD or none");
        }
        return CipherMode.CHACHA20_POLY1305;
    }

    private static CipherMode aesMode(CryptographicParameters p) {
        BlockCipherMode requested = p.blockCipherMode().orElse(BlockCipherMode.GCM);
        boolean pkcs5 = padding(p, requested);
        return switch (requested) {
            case GCM -> CipherMode.GCM;
            case NISTKEYWRAP -> CipherMode.KEY_WRAP;
            case AESKEYWRAPPADDING -> CipherMode.KEY_WRAP_PAD;
            case ECB -> pkcs5 ? CipherMode.ECB_PKCS5 : CipherMode.ECB;
            case CBC -> pkcs5 ? CipherMode.CBC_PKCS5 : CipherMode.CBC;
            case CTR -> CipherMode.CTR;
            case AEAD -> CipherMode.CHACHA20_POLY1305;
            default -> throw new KmipException(ResultReason.FEATURE_NOT_SUPPORTED, "block cipher mode "
                    + requested.specName() + " is not supported (GCM, NISTKeyWrap, AESKeyWrapPadding, ECB, CBC, CTR, AEAD)");
        };
    }

    /** A 3DES key takes ECB or CBC only, named in the request or in the key's Cryptographic Parameters (no default). */
    private static CipherMode tdesMode(CryptographicParameters p) {
        BlockCipherMode requested = p.blockCipherMode().orElseThrow(() -> new KmipException(ResultReason.FEATURE_NOT_SUPPORTED,
                "a 3DES key needs Block Cipher Mode ECB or CBC"));
        boolean pkcs5 = padding(p, requested);
        return switch (requested) {
            case ECB -> pkcs5 ? CipherMode.ECB_PKCS5 : CipherMode.ECB;
            case CBC -> pkcs5 ? CipherMode.CBC_PKCS5 : CipherMode.CBC;
            default -> throw new KmipException(ResultReason.FEATURE_NOT_SUPPORTED, "block cipher mode "
                    + requested.specName() + " is not supported with 3DES (ECB, CBC)");
        };
    }

    /** PKCS5 or none; only ECB and CBC pad. */
    private static boolean padding(CryptographicParameters p, BlockCipherMode mode) {
        PaddingMethod padding = p.paddingMethod().orElse(PaddingMethod.NONE);
        if (padding == PaddingMethod.NONE) {
            return false;
        }
        if (padding == PaddingMethod.PKCS5 && (mode == BlockCipherMode.ECB || mode == BlockCipherMode.CBC)) {
            return true;
        }
        throw new KmipException(ResultReason.FEATURE_NOT_SUPPORTED, "padding method " + padding.specName()
                + " is not supported with " + mode.specName() + " (PKCS5 with ECB or CBC)");
    }

    private static Optional<CryptographicParameters> stored(ManagedObject object) {
        List<String> values = object.attributes().custom().getOrDefault(AttributeDef.CRYPTOGRAPHIC_PARAMETERS.specName(), List.of());
        return values.stream().findFirst()
                .map(v -> StoredAttributes.decode(AttributeDef.CRYPTOGRAPHIC_PARAMETERS, v).value())
                .map(v -> CryptographicParameters.read((Ttlv.Structure) v));
    }

    private static void checkDates(ManagedObject object, Instant now, Operation operation) {
        if (operation == Operation.ENCRYPT) {
            storedDate(object, AttributeDef.PROTECT_STOP_DATE).filter(stop -> !now.isBefore(stop)).ifPresent(stop -> {
                throw new KmipException(ResultReason.WRONG_KEY_LIFECYCLE_STATE, "the key's Protect Stop Date has passed");
            });
        } else {
            storedDate(object, AttributeDef.PROCESS_START_DATE).filter(now::isBefore).ifPresent(start -> {
                throw new KmipException(ResultReason.WRONG_KEY_LIFECYCLE_STATE, "the key's Process Start Date has not come");
            });
        }
    }

    private static Optional<Instant> storedDate(ManagedObject object, AttributeDef def) {
        return object.attributes().custom().getOrDefault(def.specName(), List.of()).stream().findFirst()
                .map(v -> StoredAttributes.decode(def, v).value())
                .map(t -> Instant.ofEpochSecond(((Ttlv.DateTime) t).epochSeconds()));
    }

    /**
     * The request's IV Length (in bits, KMIP 1.4 section 3.6) must name the IV actually used: the
     * one given, else the one the server makes (96 bits for GCM and ChaCha20, 128 for CBC and CTR).
     * The fields that ask the server to build an IV (Fixed Field, Invocation Field and Counter
     * Length, Initial Counter Value) are Feature Not Supported: the IV/Counter/Nonce is used whole as
     * given, or made at random. A negative count of any of them is Invalid Field.
     */
    static void checkIvFields(Optional<CryptographicParameters> requested, CipherMode mode, Optional<Bytes> iv) {
        checkIvFields(requested, mode, iv, serverIvBits(mode));
    }

    /** As above for the key of {@code choice}: a server-made CBC IV for a 3DES key is 64 bits (its block). */
    static void checkIvFields(Optional<CryptographicParameters> requested, Choice choice, Optional<Bytes> iv) {
        boolean tdes = choice.key().filter(k -> TDES.equals(k.attributes().algorithm())).isPresent();
        checkIvFields(requested, choice.mode(), iv, tdes && choice.mode().needsIv() ? 64 : serverIvBits(choice.mode()));
    }

    private static void checkIvFields(Optional<CryptographicParameters> requested, CipherMode mode, Optional<Bytes> iv,
                                      int serverBits) {
        if (requested.isEmpty()) {
            return;
        }
        CryptographicParameters p = requested.get();
        unsupported(p.fixedFieldLength(), "Fixed Field Length");
        unsupported(p.invocationFieldLength(), "Invocation Field Length");
        unsupported(p.counterLength(), "Counter Length");
        unsupported(p.initialCounterValue(), "Initial Counter Value");
        if (p.ivLength().isEmpty()) {
            return;
        }
        int bits = p.ivLength().getAsInt();
        if (bits <= 0 || bits % 8 != 0 || bits > MAX_IV_BITS) {
            throw new KmipException(ResultReason.INVALID_FIELD, "IV Length must be a positive multiple of 8 bits up to "
                    + MAX_IV_BITS + ", was " + bits);
        }
        long used = iv.map(v -> (long) v.length() * 8).orElse((long) serverBits);
        if (bits != used) {
            throw new KmipException(ResultReason.INVALID_FIELD, "IV Length " + bits + " bits does not match the IV used ("
                    + used + " bits)");
        }
    }

    private static int serverIvBits(CipherMode mode) {
        return switch (mode) {
            case GCM, CHACHA20_POLY1305, CHACHA20 -> 96;
            case CBC, CBC_PKCS5, CTR -> 128;
            case ECB, ECB_PKCS5, KEY_WRAP, KEY_WRAP_PAD -> 0;
        };
    }

    private static void unsupported(java.util.OptionalInt value, String field) {
        if (value.isPresent() && value.getAsInt() < 0) {
            throw new KmipException(ResultReason.INVALID_FIELD, field + " must not be negative, was " + value.getAsInt());
        }
        if (value.isPresent()) {
            throw new KmipException(ResultReason.FEATURE_NOT_SUPPORTED, field + " is not supported: the IV/Counter/Nonce "
                    + "is used whole as given, or made at random");
        }
    }

    static void singlePart(Optional<Bytes> correlation, Optional<Boolean> init, Optional<Boolean> last) {
        if (correlation.isPresent() || init.orElse(false) || last.isPresent() && !last.get()) {
            throw new KmipException(ResultReason.FEATURE_NOT_SUPPORTED, "multi-part cryptographic operations are not supported");
        }
    }

    static byte[] bytes(Optional<Bytes> value) {
        return value.map(Bytes::toByteArray).orElse(new byte[0]);
    }
}
