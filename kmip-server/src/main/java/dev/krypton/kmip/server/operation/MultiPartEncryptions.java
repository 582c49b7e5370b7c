package dev.krypton.kmip.server.operation;

import dev.krypton.engine.CipherMode;
import dev.krypton.engine.EncryptRequest;
import dev.krypton.engine.EncryptResult;
import dev.krypton.engine.Principal;
import dev.krypton.kmip.KmipException;
import dev.krypton.kmip.ResultReason;
import dev.krypton.kmip.message.Bytes;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Multi-part (by-parts) GCM Encrypt (KMIP 1.4 section 4.29, Init Indicator, Correlation Value,
 * Final Indicator; KMIP 2.1 section 6.1.17), in work linear in the data:
 * <ul>
 * <li>the first part is one whole GCM Encrypt of its data (policy, state, Usage Limits and the GCM
 * invocation count, and the IV: the client's or a fresh one), of which
 * only the ciphertext is returned;</li>
 * <li>each later part is encrypted alone, at its offset, with GCM's counter key stream
 * ({@code KeyOperations.encryptGcmPart}); GCM ciphertext is a prefix-stable stream, so these are
 * exactly the bytes of the one-shot result;</li>
 * <li>the Final part's tag needs GHASH over all the ciphertext under a subkey derived from the
 * key. Keeping that subkey or a GHASH state between requests would keep key-derived material on
 * the heap beyond an unlink, so instead the server keeps the plaintext received so far (on the
 * heap, wiped when the operation ends or expires) and computes the tag with one whole GCM Encrypt
 * of it at the end: about twice the data in all, whatever the number of parts.</li>
 * </ul>
 * Open operations are bounded by {@link MultiPartLimits}: in all, per tenant (the tenant owning
 * the key, so a tenant at its cap does not stop another tenant's first part), and in bytes each;
 * an idle one expires after {@link #TTL}. Only GCM; other modes are Feature Not Supported by parts.
 */
final class MultiPartEncryptions {

    static final Duration TTL = Duration.ofMinutes(5);
    private static final int CORRELATION_BYTES = 16;

    /** What one part returns: new ciphertext bytes, the IV (first part, if the server chose it), the tag (last part). */
    record Part(byte[] ciphertext, byte[] serverIv, byte[] tag, byte[] correlation) {
    }

    private static final class Open {
        final Principal principal;
        final String uid;
        final String tenant;
        final byte[] iv;
        final byte[] aad;
        final int tagLength;
        byte[] plaintext = new byte[256];
        int length;
        Instant touched;

        Open(Principal principal, String uid, byte[] iv, byte[] aad, int tagLength, Instant now) {
            this.principal = principal;
            this.uid = uid;
            this.tenant = tenantOf(uid);
            this.iv = iv;
            this.aad = aad;
            this.tagLength = tagLength;
            this.touched = now;
        }

        /**
         * Appends {@code data} (the caller checked the size limit), growing the buffer by doubling up
         * to {@code max} (the old one wiped), so appends cost linear time in all.
         */
        void append(byte[] data, int max) {
            if (length + data.length > plaintext.length) {
                byte[] bigger = Arrays.copyOf(plaintext, Math.max(length + data.length, Math.min(max, plaintext.length * 2)));
                Arrays.fill(plaintext, (byte) 0);
                plaintext = bigger;
            }
            System.arraycopy(data, 0, plaintext, length, data.length);
            length += data.length;
        }

        void wipe() {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    private final MultiPartLimits limits;
    private final Map<String, Open> open = new ConcurrentHashMap<>();
    /** Open operations per tenant; guarded by {@code this}, as is the reservation against {@link #open}. */
    private final Map<String, Integer> perTenant = new HashMap<>();
    private int reserved;
    private final SecureRandom random = new SecureRandom();

    MultiPartEncryptions(MultiPartLimits limits) {
        this.limits = limits;
    }

    /** The first part: {@code iv} empty for a server-chosen one. */
    Part begin(RequestContext context, String uid, CipherModes.Choice choice, byte[] iv, byte[] aad, byte[] data) {
        if (choice.mode() != CipherMode.GCM) {
            throw new KmipException(ResultReason.FEATURE_NOT_SUPPORTED, "multi-part Encrypt is supported for GCM only");
        }
        checkSize(0, data.length);
        Instant now = context.clock().instant();
        expire(now);
        String tenant = tenantOf(uid);
        reserve(tenant);
        try {
            EncryptResult r = context.keys().encrypt(context.principal(),
                    new EncryptRequest(uid, CipherMode.GCM, data, iv, aad, false, choice.tagLength()));
            Open o = new Open(context.principal(), uid, r.iv(), aad, choice.tagLength(), now);
            o.append(data, limits.maxBytes());
            byte[] correlation = randomBytes(CORRELATION_BYTES);
            open.put(HexFormat.of().formatHex(correlation), o);
            return new Part(r.ciphertext(), iv.length == 0 ? r.iv() : new byte[0], new byte[0], correlation);
        } catch (RuntimeException e) {
            release(tenant);
            throw e;
        }
    }

    /** A later part of the operation {@code correlation}; {@code last} ends it. */
    Part next(RequestContext context, String uid, Bytes correlation, byte[] data, boolean last) {
        Instant now = context.clock().instant();
        expire(now);
        String key = HexFormat.of().formatHex(correlation.toByteArray());
        Open o = open.get(key);
        if (o == null || !o.principal.equals(context.principal()) || !o.uid.equals(uid)) {
            throw new KmipException(ResultReason.INVALID_FIELD, "no open multi-part Encrypt with this Correlation Value and key");
        }
        synchronized (o) {
            if (open.get(key) != o) {
                throw new KmipException(ResultReason.INVALID_FIELD, "the multi-part Encrypt has ended");
            }
            o.touched = now;
            try {
                checkSize(o.length, data.length);
                int offset = o.length;
                o.append(data, limits.maxBytes());
                if (!last) {
                    byte[] ct = context.keys().encryptGcmPart(context.principal(),
                            new EncryptRequest(uid, CipherMode.GCM, data, o.iv, o.aad, false, o.tagLength), offset);
                    return new Part(ct, new byte[0], new byte[0], correlation.toByteArray());
                }
                byte[] all = Arrays.copyOf(o.plaintext, o.length);
                EncryptResult r;
                try {
                    r = context.keys().encrypt(context.principal(),
                            new EncryptRequest(uid, CipherMode.GCM, all, o.iv, o.aad, false, o.tagLength));
                } finally {
                    Arrays.fill(all, (byte) 0);
                }
                return new Part(Arrays.copyOfRange(r.ciphertext(), offset, r.ciphertext().length), new byte[0], r.tag(), new byte[0]);
            } catch (RuntimeException e) {
                end(key, o);
                throw e;
            } finally {
                if (last) {
                    end(key, o);
                }
            }
        }
    }

    private void checkSize(int held, int more) {
        if ((long) held + more > limits.maxBytes()) {
            throw new KmipException(ResultReason.INVALID_FIELD, "a multi-part Encrypt may carry at most "
                    + limits.maxBytes() + " bytes in all its parts");
        }
    }

    private synchronized void reserve(String tenant) {
        if (reserved >= limits.maxOpen()) {
            throw new KmipException(ResultReason.SERVER_LIMIT_EXCEEDED, "the server holds its maximum of "
                    + limits.maxOpen() + " open multi-part operations; finish one or retry later");
        }
        int mine = perTenant.getOrDefault(tenant, 0);
        if (mine >= limits.maxOpenPerTenant()) {
            throw new KmipException(ResultReason.SERVER_LIMIT_EXCEEDED, "tenant " + tenant + " has its maximum of "
                    + limits.maxOpenPerTenant() + " open multi-part operations; finish one or retry later");
        }
        perTenant.put(tenant, mine + 1);
        reserved++;
    }

    private synchronized void release(String tenant) {
        perTenant.computeIfPresent(tenant, (t, n) -> n == 1 ? null : n - 1);
        reserved--;
    }

    private void end(String key, Open o) {
        if (open.remove(key, o)) {
            release(o.tenant);
        }
        o.wipe();
    }

    private void expire(Instant now) {
        open.forEach((key, o) -> {
            if (o.touched.plus(TTL).isBefore(now)) {
                synchronized (o) {
                    end(key, o);
                }
            }
        });
    }

    /** The tenant owning the key: the part of the identifier before the first colon (both uid forms start with it). */
    private static String tenantOf(String uid) {
        int colon = uid.indexOf(':');
        return colon < 0 ? uid : uid.substring(0, colon);
    }

    private byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
