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
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Multi-part (by-parts) GCM Encrypt (KMIP 1.4 section 4.29, Init Indicator, Correlation Value,
 * Final Indicator; KMIP 2.1 section 6.1.17). The server keeps, per Correlation Value (16 random
 * bytes), the key, IV, AAD, tag length and the plaintext received so far, on the heap for the
 * life of the operation only (wiped when it ends or expires). Each part runs one whole GCM
 * encryption of the plaintext so far under the same IV and returns only the ciphertext bytes not
 * returned before: GCM ciphertext is a prefix-stable stream, so these are exactly the bytes of the
 * final one-shot result, and no intermediate tag leaves the server; the Final part returns the
 * rest and the tag. Each part is a full Encrypt for policy, state and the GCM invocation count.
 * Limits: {@value #MAX_OPEN} open operations, {@value #MAX_BYTES} bytes each, {@link #TTL} idle.
 * Only GCM; other modes are Feature Not Supported by parts.
 */
final class MultiPartEncryptions {

    static final int MAX_OPEN = 1024;
    static final int MAX_BYTES = 1 << 20;
    static final Duration TTL = Duration.ofMinutes(5);
    private static final int CORRELATION_BYTES = 16;
    private static final int IV_BYTES = 12;

    /** What one part returns: new ciphertext bytes, the IV (first part, if the server chose it), the tag (last part). */
    record Part(byte[] ciphertext, byte[] serverIv, byte[] tag, byte[] correlation) {
    }

    private static final class Open {
        final Principal principal;
        final String uid;
        final byte[] iv;
        final byte[] aad;
        final int tagLength;
        byte[] plaintext;
        int returned;
        Instant touched;

        Open(Principal principal, String uid, byte[] iv, byte[] aad, int tagLength, Instant now) {
            this.principal = principal;
            this.uid = uid;
            this.iv = iv;
            this.aad = aad;
            this.tagLength = tagLength;
            this.plaintext = new byte[0];
            this.touched = now;
        }

        void wipe() {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    private final Map<String, Open> open = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    /** The first part: {@code iv} empty for a server-chosen one. */
    Part begin(RequestContext context, String uid, CipherModes.Choice choice, byte[] iv, byte[] aad, byte[] data) {
        if (choice.mode() != CipherMode.GCM) {
            throw new KmipException(ResultReason.FEATURE_NOT_SUPPORTED, "multi-part Encrypt is supported for GCM only");
        }
        Instant now = context.clock().instant();
        expire(now);
        if (open.size() >= MAX_OPEN) {
            throw new KmipException(ResultReason.GENERAL_FAILURE, "too many open multi-part operations, retry later");
        }
        byte[] chosenIv = iv.length == 0 ? randomBytes(IV_BYTES) : iv;
        Open o = new Open(context.principal(), uid, chosenIv, aad, choice.tagLength(), now);
        byte[] correlation = randomBytes(CORRELATION_BYTES);
        Part first = step(context, o, data, false);
        open.put(HexFormat.of().formatHex(correlation), o);
        return new Part(first.ciphertext(), iv.length == 0 ? chosenIv : new byte[0], new byte[0], correlation);
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
                Part part = step(context, o, data, last);
                return last ? part : new Part(part.ciphertext(), new byte[0], new byte[0], correlation.toByteArray());
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

    /** Appends {@code data}, encrypts everything so far and returns the bytes not returned yet (and the tag if last). */
    private static Part step(RequestContext context, Open o, byte[] data, boolean last) {
        if ((long) o.plaintext.length + data.length > MAX_BYTES) {
            throw new KmipException(ResultReason.INVALID_FIELD, "a multi-part Encrypt may carry at most " + MAX_BYTES + " bytes");
        }
        byte[] all = Arrays.copyOf(o.plaintext, o.plaintext.length + data.length);
        System.arraycopy(data, 0, all, o.plaintext.length, data.length);
        o.wipe();
        o.plaintext = all;
        EncryptResult r = context.keys().encrypt(context.principal(),
                new EncryptRequest(o.uid, CipherMode.GCM, all, o.iv, o.aad, false, o.tagLength));
        byte[] ct = r.ciphertext();
        byte[] fresh = Arrays.copyOfRange(ct, o.returned, ct.length);
        o.returned = ct.length;
        return new Part(fresh, new byte[0], last ? r.tag() : new byte[0], new byte[0]);
    }

    private void end(String key, Open o) {
        open.remove(key, o);
        o.wipe();
    }

    private void expire(Instant now) {
        open.entrySet().removeIf(e -> {
            boolean old = e.getValue().touched.plus(TTL).isBefore(now);
            if (old) {
                synchronized (e.getValue()) {
                    e.getValue().wipe();
                }
            }
            return old;
        });
    }

    /** Open operations, for tests. */
    int openCount() {
        return open.size();
    }

    private byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
